// Opening the input of a line-oriented subcommand (`code`, `time`).
#ifndef SYNOPTIC_APP_INPUT_H_
#define SYNOPTIC_APP_INPUT_H_

#include <fstream>
#include <iostream>
#include <string>

namespace synoptic::app {

// The stream to read `path` from: standard input for "-", else *file
// opened in binary mode. Null, after naming the file on stderr, when it
// cannot be opened.
inline std::istream* OpenInput(const std::string& path, std::ifstream* file) {
  if (path == "-") return &std::cin;
  file->open(path, std::ios::binary);
  if (!*file) {
    std::cerr << "synoptic: " << path << ": cannot open\n";
    return nullptr;
  }
  return file;
}

}  // namespace synoptic::app

#endif  // SYNOPTIC_APP_INPUT_H_
