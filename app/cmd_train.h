// `synoptic train ...`: builds the small statistical models we ship from
// public data (by path), recording in each model file how it was made.
#ifndef SYNOPTIC_APP_CMD_TRAIN_H_
#define SYNOPTIC_APP_CMD_TRAIN_H_

#include <CLI/CLI.hpp>

#include <functional>

namespace synoptic::app {

// Adds the `train` subcommand to `app`; the returned function runs it when
// it was chosen (returns the exit code) and is called by Main.
std::function<int()> AddTrainCommand(CLI::App* app);

}  // namespace synoptic::app

#endif  // SYNOPTIC_APP_CMD_TRAIN_H_
