// Evaluation of the cross-document stage on the Wikinews multi-document
// sample (shared/data/wikinews-multidoc-sample): every source article of
// every story is analysed by the full pipeline (extract, nlp, time, actors,
// events) and all of them are mixed together before clustering.
//
// 1. Event clusters: BCubed precision, recall and F1 (Bagga and Baldwin
//    1998), gold = the Wikinews story a source article is cited by. Run
//    twice: with each source dated by its story's date (as a crawl would
//    carry publication dates) and with no dates at all.
// 2. Near-duplicates: a derived copy of every English source (cropped,
//    re-wrapped, or with page chrome added, in turn) is mixed in; pairwise
//    precision and recall of the reprint groups against the (original,
//    copy) pairs.
// 3. Summaries: ROUGE-1/2/L F1 (Lin 2004; lower-cased alphanumeric tokens,
//    no stemming, like the rouge-score package's defaults) of each story's
//    cluster summary against the Wikinews article, which is a human-written
//    summary of its sources, beside two baselines computed here on the same
//    cluster: lead-3 (the first three sentences of the cluster's first
//    article) and TextRank (Mihalcea and Tarau 2004; sentence graph with
//    their overlap similarity, PageRank d = 0.85), given as many sentences
//    as our summary has.
//
// Usage: eval_stories [SHARED_DIR] [--models DIR] [--cluster-threshold X]
//                     [--merge-threshold X]  (0: no second pass)
//                     [--errors]   (split stories, clusters mixing stories
//                                   and false duplicate pairs to stderr)
// Prints Markdown; absent data prints a "skip:" line and exits 0.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/report/pipeline.h"
#include "synoptic/stories/internal/wikitext.h"
#include "synoptic/stories/stories.h"

namespace {

using synoptic::DocAnalysis;

struct Story {
  std::string title;
  std::string date;       // YYYY-MM-DD from {{date|...}}
  std::string reference;  // the article, wikitext stripped
  std::vector<std::string> sources;  // English source texts
};

std::vector<Story> ReadStories(const std::string& path) {
  std::vector<Story> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    Story s;
    s.title = j.value("title", "");
    std::string raw;
    for (const auto& p : j.value("text", nlohmann::json::array())) {
      if (p.is_string()) raw += p.get<std::string>() + "\n\n";
    }
    s.date = synoptic::stories::internal::WikiDate(raw);
    s.reference = synoptic::stories::internal::PlainWikitext(raw);
    for (const auto& src : j.value("sources", nlohmann::json::array())) {
      if (!src.is_object() || src.value("language", "") != "en") continue;
      const auto mt = src.find("maintext");
      if (mt == src.end() || !mt->is_string()) continue;
      std::string text = mt->get<std::string>();
      if (text.size() < 200) continue;
      s.sources.push_back(std::move(text));
    }
    out.push_back(std::move(s));
  }
  return out;
}

// ---- derived near-copies ----

std::vector<std::string> Paragraphs(const std::string& t) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < t.size()) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    const std::string p = t.substr(start, end - start);
    if (p.find_first_not_of(" \t\r") != std::string::npos) out.push_back(p);
    start = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& ps, const char* sep) {
  std::string out;
  for (size_t i = 0; i < ps.size(); ++i) out += (i ? sep : "") + ps[i];
  return out;
}

// Variant k % 3: 0 cropped (first sentence and last paragraph gone),
// 1 re-wrapped at 66 columns, 2 page chrome around the text.
std::string NearCopy(const std::string& text, size_t k) {
  std::vector<std::string> ps = Paragraphs(text);
  if (ps.empty()) return text;
  switch (k % 3) {
    case 0: {
      if (ps.size() > 3) ps.pop_back();
      const size_t dot = ps[0].find(". ");
      if (dot != std::string::npos) ps[0] = ps[0].substr(dot + 2);
      return Join(ps, "\n\n");
    }
    case 1: {
      std::string out;
      for (const std::string& p : ps) {
        size_t col = 0;
        size_t i = 0;
        while (i < p.size()) {
          size_t sp = p.find(' ', i);
          if (sp == std::string::npos) sp = p.size();
          const std::string w = p.substr(i, sp - i);
          if (col > 0 && col + 1 + w.size() > 66) {
            out += '\n';
            col = 0;
          } else if (col > 0) {
            out += ' ';
            ++col;
          }
          out += w;
          col += w.size();
          i = sp + 1;
        }
        out += "\n\n";
      }
      return out;
    }
    default:
      return "Home | World | Business | Science | Sport | Opinion\n"
             "Sign in  Subscribe\n\nAdvertisement\n\n" +
             Join(ps, "\n\n") +
             "\n\nShare this article: Facebook Twitter Email\n\n"
             "Related stories\nMarkets close higher after a quiet week\n"
             "Weather: storms expected along the coast\n\n"
             "Copyright 2005 The Example Courier. All rights reserved.\n";
  }
}

// ---- ROUGE ----

std::vector<std::string> RougeTokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      cur += static_cast<char>(c - 'A' + 'a');
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

double F1(double overlap, double cand, double ref) {
  if (overlap <= 0 || cand <= 0 || ref <= 0) return 0;
  const double p = overlap / cand, r = overlap / ref;
  return 2 * p * r / (p + r);
}

double RougeN(const std::vector<std::string>& cand,
              const std::vector<std::string>& ref, size_t n) {
  if (cand.size() < n || ref.size() < n) return 0;
  std::map<std::vector<std::string>, int> rc;
  for (size_t i = 0; i + n <= ref.size(); ++i) {
    ++rc[std::vector<std::string>(ref.begin() + i, ref.begin() + i + n)];
  }
  double overlap = 0;
  for (size_t i = 0; i + n <= cand.size(); ++i) {
    auto it =
        rc.find(std::vector<std::string>(cand.begin() + i, cand.begin() + i + n));
    if (it != rc.end() && it->second > 0) {
      --it->second;
      ++overlap;
    }
  }
  return F1(overlap, static_cast<double>(cand.size() - n + 1),
            static_cast<double>(ref.size() - n + 1));
}

// Summary-level ROUGE-L over the whole token sequences (LCS).
double RougeL(const std::vector<std::string>& cand,
              const std::vector<std::string>& ref) {
  if (cand.empty() || ref.empty()) return 0;
  std::vector<uint32_t> prev(ref.size() + 1, 0), cur(ref.size() + 1, 0);
  for (size_t i = 1; i <= cand.size(); ++i) {
    for (size_t j = 1; j <= ref.size(); ++j) {
      cur[j] = cand[i - 1] == ref[j - 1] ? prev[j - 1] + 1
                                         : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return F1(prev[ref.size()], static_cast<double>(cand.size()),
            static_cast<double>(ref.size()));
}

struct Rouge {
  double r1 = 0, r2 = 0, rl = 0;
  int n = 0;
  void Add(const std::string& cand, const std::string& ref) {
    const auto c = RougeTokens(cand), r = RougeTokens(ref);
    r1 += RougeN(c, r, 1);
    r2 += RougeN(c, r, 2);
    rl += RougeL(c, r);
    ++n;
  }
};

// ---- baselines ----

std::vector<std::string> Sentences(const DocAnalysis& a) {
  std::vector<std::string> out;
  for (const synoptic::Sentence& s : a.sentences) {
    if (s.span.end <= a.doc.text.size() && s.span.begin < s.span.end) {
      out.push_back(a.doc.text.substr(s.span.begin, s.span.size()));
    }
  }
  return out;
}

std::string TextRank(const std::vector<std::string>& sents, size_t k) {
  const size_t n = sents.size();
  if (n == 0) return "";
  std::vector<std::set<std::string>> words(n);
  std::vector<size_t> len(n);
  for (size_t i = 0; i < n; ++i) {
    const auto t = RougeTokens(sents[i]);
    words[i] = std::set<std::string>(t.begin(), t.end());
    len[i] = t.size();
  }
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0));
  std::vector<double> out_sum(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (len[i] < 2 || len[j] < 2) continue;
      size_t common = 0;
      for (const auto& x : words[i]) common += words[j].count(x);
      const double sim =
          common / (std::log(static_cast<double>(len[i])) +
                    std::log(static_cast<double>(len[j])));
      w[i][j] = w[j][i] = sim;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) out_sum[i] += w[i][j];
  }
  std::vector<double> score(n, 1.0), next(n);
  for (int it = 0; it < 40; ++it) {
    for (size_t i = 0; i < n; ++i) {
      double s = 0;
      for (size_t j = 0; j < n; ++j) {
        if (w[j][i] > 0 && out_sum[j] > 0) s += w[j][i] / out_sum[j] * score[j];
      }
      next[i] = 0.15 + 0.85 * s;
    }
    score.swap(next);
  }
  std::vector<size_t> idx(n);
  for (size_t i = 0; i < n; ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(),
                   [&](size_t a, size_t b) { return score[a] > score[b]; });
  idx.resize(std::min(k, n));
  std::sort(idx.begin(), idx.end());
  std::string out;
  for (size_t i : idx) out += sents[i] + " ";
  return out;
}

// ---- scoring ----

struct BCubed {
  double p = 0, r = 0, f = 0;
};

BCubed Score(const std::vector<int32_t>& pred, const std::vector<int>& gold) {
  BCubed b;
  const size_t n = pred.size();
  if (n == 0) return b;
  for (size_t i = 0; i < n; ++i) {
    size_t both = 0, same_pred = 0, same_gold = 0;
    for (size_t k = 0; k < n; ++k) {
      // Unclustered documents (-1) are singletons.
      const bool p = k == i || (pred[i] >= 0 && pred[i] == pred[k]);
      const bool g = gold[i] == gold[k];
      same_pred += p;
      same_gold += g;
      both += p && g;
    }
    b.p += static_cast<double>(both) / same_pred;
    b.r += static_cast<double>(both) / same_gold;
  }
  b.p /= n;
  b.r /= n;
  b.f = b.p + b.r > 0 ? 2 * b.p * b.r / (b.p + b.r) : 0;
  return b;
}

struct Analysed {
  std::vector<DocAnalysis> docs;
  std::vector<int> story;       // gold story per document
  std::vector<int> copy_of;     // original document index for copies, else -1
};

Analysed Analyse(const synoptic::report::Analyzer& analyzer,
                 const std::vector<Story>& stories, bool with_copies) {
  std::vector<synoptic::ingest::InputRecord> records;
  Analysed out;
  std::vector<int> copy_of;
  size_t k = 0;
  for (size_t s = 0; s < stories.size(); ++s) {
    for (size_t i = 0; i < stories[s].sources.size(); ++i) {
      synoptic::ingest::InputRecord rec;
      rec.source = "story" + std::to_string(s) + "/source" + std::to_string(i);
      rec.format = synoptic::InputFormat::kText;
      rec.container = synoptic::InputFormat::kText;
      rec.body = stories[s].sources[i];
      records.push_back(rec);
      out.story.push_back(static_cast<int>(s));
      copy_of.push_back(-1);
      if (with_copies) {
        const int orig = static_cast<int>(records.size() - 1);
        rec.source += "/copy";
        rec.body = NearCopy(stories[s].sources[i], k++);
        records.push_back(std::move(rec));
        out.story.push_back(static_cast<int>(s));
        copy_of.push_back(orig);
      }
    }
  }
  std::vector<synoptic::InputError> errors;
  const size_t n = records.size();
  out.docs = synoptic::report::AnalyzeAll(analyzer, std::move(records), 0,
                                          &errors, nullptr);
  if (out.docs.size() != n) {
    // A record that failed analysis drops out; keep gold aligned by source.
    std::fprintf(stderr, "eval_stories: %zu of %zu records failed\n",
                 n - out.docs.size(), n);
    for (const auto& e : errors) {
      std::fprintf(stderr, "  %s: %s\n", e.source.c_str(), e.message.c_str());
    }
  }
  // Map back by source name (AnalyzeAll keeps input order, minus failures).
  std::vector<int> story, copy;
  std::map<std::string, size_t> index;
  size_t j = 0;
  for (size_t s = 0; s < stories.size(); ++s) {
    for (size_t i = 0; i < stories[s].sources.size(); ++i) {
      const std::string base =
          "story" + std::to_string(s) + "/source" + std::to_string(i);
      index[base] = j++;
      if (with_copies) index[base + "/copy"] = j++;
    }
  }
  std::map<size_t, size_t> new_pos;
  for (size_t d = 0; d < out.docs.size(); ++d) {
    new_pos[index[out.docs[d].doc.source]] = d;
  }
  for (const DocAnalysis& a : out.docs) {
    const size_t old = index[a.doc.source];
    story.push_back(out.story[old]);
    const int c = copy_of[old];
    copy.push_back(c >= 0 && new_pos.count(static_cast<size_t>(c))
                       ? static_cast<int>(new_pos[static_cast<size_t>(c)])
                       : -1);
  }
  out.story = std::move(story);
  out.copy_of = std::move(copy);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared, models = SYN_MODELS_DIR;
  synoptic::stories::StoryOptions so;
  bool show_errors = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--models" && i + 1 < argc) {
      models = argv[++i];
    } else if (a == "--errors") {
      show_errors = true;
    } else if (a == "--cluster-threshold" && i + 1 < argc) {
      so.cluster_threshold = std::atof(argv[++i]);
    } else if (a == "--merge-threshold" && i + 1 < argc) {
      so.merge_threshold = std::atof(argv[++i]);
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(
          stderr,
          "usage: eval_stories [SHARED_DIR] [--models DIR] "
          "[--cluster-threshold X] [--merge-threshold X] [--errors]\n");
      return 2;
    } else {
      shared = a;
    }
  }
  if (shared.empty()) {
    const char* env = std::getenv("SYN_SHARED_DIR");
    shared = env && *env ? env : SYN_SHARED_DIR;
  }
  std::printf("## Stories (eval/stories)\n\n");
  const std::string path =
      shared + "/data/wikinews-multidoc-sample/wikinewssum_en_sample.jsonl";
  const std::vector<Story> stories = ReadStories(path);
  if (stories.empty()) {
    std::printf("skip: no Wikinews sample at %s\n\n", path.c_str());
    return 0;
  }
  synoptic::report::PipelineOptions po;
  po.models_dir = models;
  auto analyzer = synoptic::report::Analyzer::Create(synoptic::DefaultEnv(), po);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "eval_stories: %s\n",
                 analyzer.status().ToString().c_str());
    return 1;
  }
  size_t nsrc = 0, multi = 0;
  for (const Story& s : stories) {
    nsrc += s.sources.size();
    multi += s.sources.size() >= 2;
  }
  std::printf(
      "Data: %s: %zu stories, %zu English source articles (>= 200 bytes), "
      "%zu stories with two or more. The full pipeline analyses every source; "
      "all are mixed together.\n\n",
      path.c_str(), stories.size(), nsrc, multi);

  // 1. Clusters, with and without publication dates.
  Analysed plain = Analyse(**analyzer, stories, false);
  std::printf("### Event clusters: BCubed\n\n");
  std::printf("| run | docs | clusters | P | R | F1 |\n|---|---|---|---|---|---|\n");
  for (int dated = 1; dated >= 0; --dated) {
    std::vector<DocAnalysis> docs = plain.docs;
    for (size_t d = 0; d < docs.size(); ++d) {
      docs[d].doc.published =
          dated ? stories[static_cast<size_t>(plain.story[d])].date : "";
      docs[d].doc.published_from =
          dated ? synoptic::DateSource::kMeta : synoptic::DateSource::kNone;
    }
    const auto r = synoptic::stories::BuildStories(&docs, so);
    const BCubed b = Score(r.doc_cluster, plain.story);
    if (show_errors && dated) {
      // Stories split over several clusters, and clusters mixing stories.
      std::map<int, std::set<int32_t>> by_story;
      for (size_t d = 0; d < docs.size(); ++d) {
        by_story[plain.story[d]].insert(r.doc_cluster[d]);
      }
      std::map<int32_t, std::set<int>> by_cluster;
      for (size_t d = 0; d < docs.size(); ++d) {
        if (r.doc_cluster[d] >= 0)
          by_cluster[r.doc_cluster[d]].insert(plain.story[d]);
      }
      for (const auto& [c, ss] : by_cluster) {
        if (ss.size() < 2) continue;
        std::fprintf(stderr, "MIXED C%d\n", c);
        for (size_t d = 0; d < docs.size(); ++d) {
          if (r.doc_cluster[d] == c) {
            std::fprintf(
                stderr, "  %s %s | %.70s\n", docs[d].doc.source.c_str(),
                stories[static_cast<size_t>(plain.story[d])].title.c_str(),
                docs[d].doc.text.c_str());
          }
        }
      }
      for (const auto& [st, cs] : by_story) {
        if (cs.size() < 2) continue;
        std::fprintf(stderr, "SPLIT story%d %s\n", st,
                     stories[static_cast<size_t>(st)].title.c_str());
        for (size_t d = 0; d < docs.size(); ++d) {
          if (plain.story[d] == st) {
            std::fprintf(stderr, "  C%d %s | %.90s\n", r.doc_cluster[d],
                         docs[d].doc.source.c_str(),
                         docs[d].doc.title.empty() ? docs[d].doc.text.c_str()
                                                   : docs[d].doc.title.c_str());
          }
        }
      }
    }
    std::printf("| synoptic, %s | %zu | %zu | %.3f | %.3f | %.3f |\n",
                dated ? "dated by story" : "no dates", docs.size(),
                r.clusters.size(), b.p, b.r, b.f);
    // The same documents grouped by storyline (chains of clusters): a
    // Wikinews story often spans several happenings.
    std::map<std::string, int32_t> line_of_cluster;
    for (size_t k = 0; k < r.storylines.size(); ++k) {
      for (const auto& cid : r.storylines[k].clusters) {
        line_of_cluster[cid] = static_cast<int32_t>(k);
      }
    }
    std::vector<int32_t> by_line(docs.size(), -1);
    int32_t next = static_cast<int32_t>(r.storylines.size());
    for (size_t d = 0; d < docs.size(); ++d) {
      const int32_t c = r.doc_cluster[d];
      if (c < 0) continue;
      const auto it = line_of_cluster.find(r.clusters[static_cast<size_t>(c)].id);
      by_line[d] = it != line_of_cluster.end() ? it->second : next + c;
    }
    const BCubed bl = Score(by_line, plain.story);
    std::printf("| synoptic storylines, %s | %zu | %zu | %.3f | %.3f | %.3f |\n",
                dated ? "dated by story" : "no dates", docs.size(),
                r.storylines.size(), bl.p, bl.r, bl.f);
  }
  {
    std::vector<int32_t> single(plain.docs.size(), -1), one(plain.docs.size(), 0);
    const BCubed s = Score(single, plain.story), o = Score(one, plain.story);
    std::printf("| baseline: every article alone | %zu | %zu | %.3f | %.3f | %.3f |\n",
                plain.docs.size(), plain.docs.size(), s.p, s.r, s.f);
    std::printf("| baseline: one cluster | %zu | 1 | %.3f | %.3f | %.3f |\n\n",
                plain.docs.size(), o.p, o.r, o.f);
  }
  std::printf(
      "No published score exists for this sample; the issue's target is "
      "BCubed F1 >= 0.95.\n\n");

  // 2. Near-duplicates.
  {
    Analysed mixed = Analyse(**analyzer, stories, true);
    std::vector<DocAnalysis> docs = mixed.docs;
    const auto r = synoptic::stories::BuildStories(&docs, so);
    std::set<std::pair<size_t, size_t>> predicted, gold;
    for (const auto& c : r.clusters) {
      for (const auto& g : c.duplicates) {
        for (size_t a = 0; a < g.size(); ++a) {
          for (size_t b = a + 1; b < g.size(); ++b) {
            predicted.insert({std::min(g[a], g[b]), std::max(g[a], g[b])});
          }
        }
      }
    }
    // The data itself holds some articles twice (one wire story cited by
    // two stories, or fetched from two addresses): originals whose texts are
    // identical once whitespace is collapsed are near-duplicates too, and so
    // are their copies.
    const auto squeeze = [](const std::string& t) {
      std::string out;
      for (char ch : t) {
        const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
        if (space) {
          if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
          out += ch;
        }
      }
      return out;
    };
    std::map<std::string, std::vector<size_t>> same_text;
    for (size_t d = 0; d < docs.size(); ++d) {
      if (mixed.copy_of[d] < 0) same_text[squeeze(docs[d].doc.text)].push_back(d);
    }
    std::vector<size_t> group(docs.size());
    for (size_t d = 0; d < docs.size(); ++d) group[d] = d;
    size_t identical = 0;
    for (const auto& [text, ds] : same_text) {
      for (size_t d : ds) group[d] = ds.front();
      identical += ds.size() - 1;
    }
    for (size_t d = 0; d < docs.size(); ++d) {
      if (mixed.copy_of[d] >= 0) group[d] = group[static_cast<size_t>(mixed.copy_of[d])];
    }
    for (size_t a = 0; a < docs.size(); ++a) {
      for (size_t b = a + 1; b < docs.size(); ++b) {
        if (group[a] == group[b]) gold.insert({a, b});
      }
    }
    size_t kind[3] = {0, 0, 0}, found[3] = {0, 0, 0};
    size_t k = 0, copies = 0;
    for (size_t d = 0; d < docs.size(); ++d) {
      if (mixed.copy_of[d] < 0) continue;
      ++copies;
      const auto o = static_cast<size_t>(mixed.copy_of[d]);
      // Copies were made in source order; kind k % 3 (see NearCopy).
      const size_t variant = k++ % 3;
      ++kind[variant];
      found[variant] += predicted.count({std::min(o, d), std::max(o, d)});
    }
    size_t tp = 0, same_story = 0;
    for (const auto& p : predicted) {
      tp += gold.count(p);
      same_story += !gold.count(p) && mixed.story[p.first] == mixed.story[p.second];
      if (show_errors && !gold.count(p)) {
        std::fprintf(stderr, "FALSE DUP %s | %s\n  %.100s\n  %.100s\n",
                     docs[p.first].doc.source.c_str(),
                     docs[p.second].doc.source.c_str(),
                     docs[p.first].doc.text.c_str(),
                     docs[p.second].doc.text.c_str());
      }
    }
    const double p = predicted.empty() ? 0 : double(tp) / predicted.size();
    const double rc = gold.empty() ? 0 : double(tp) / gold.size();
    std::printf("### Near-duplicates (derived copies)\n\n");
    std::printf(
        "%zu originals (%zu of them identical to another in the data) + %zu "
        "copies; gold pairs %zu, predicted pairs %zu, correct %zu: "
        "**precision %.3f, recall %.3f, F1 %.3f**. Recall by kind: cropped "
        "%zu/%zu, re-wrapped %zu/%zu, chrome added %zu/%zu. Of the %zu "
        "pairs counted as errors, %zu join two sources of the same story "
        "(possibly one wire story run by two outlets, which the gold cannot "
        "know).\n\n",
        docs.size() - copies, identical, copies, gold.size(), predicted.size(),
        tp, p, rc,
        p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0, found[0], kind[0], found[1],
        kind[1], found[2], kind[2], predicted.size() - tp, same_story);
  }

  // 3. Summaries against the Wikinews articles.
  {
    std::vector<DocAnalysis> docs = plain.docs;
    for (size_t d = 0; d < docs.size(); ++d) {
      docs[d].doc.published = stories[static_cast<size_t>(plain.story[d])].date;
      docs[d].doc.published_from = synoptic::DateSource::kMeta;
    }
    const auto r = synoptic::stories::BuildStories(&docs, so);
    Rouge ours, lead, rank;
    for (size_t s = 0; s < stories.size(); ++s) {
      // The cluster holding most of this story's sources.
      std::map<int32_t, int> votes;
      for (size_t d = 0; d < docs.size(); ++d) {
        if (plain.story[d] == static_cast<int>(s) && r.doc_cluster[d] >= 0) {
          ++votes[r.doc_cluster[d]];
        }
      }
      if (votes.empty()) continue;
      int32_t best = -1;
      int most = 0;
      for (const auto& [c, v] : votes) {
        if (v > most) {
          best = c;
          most = v;
        }
      }
      if (most < 2) continue;
      const auto& cluster = r.clusters[static_cast<size_t>(best)];
      std::string summary;
      for (const auto& cite : cluster.summary) summary += cite.text + " ";
      std::vector<std::string> all;
      for (uint32_t d : cluster.docs) {
        for (auto& x : Sentences(docs[d])) all.push_back(std::move(x));
      }
      std::string lead3;
      const auto first = Sentences(docs[cluster.docs.front()]);
      for (size_t i = 0; i < first.size() && i < 3; ++i) lead3 += first[i] + " ";
      const std::string& ref = stories[s].reference;
      ours.Add(summary, ref);
      lead.Add(lead3, ref);
      rank.Add(TextRank(all, std::max<size_t>(cluster.summary.size(), 1)), ref);
    }
    std::printf("### Cluster summaries: ROUGE F1 against the Wikinews article\n\n");
    std::printf("%d stories with a cluster of two or more of their sources.\n\n",
                ours.n);
    std::printf("| system | ROUGE-1 | ROUGE-2 | ROUGE-L |\n|---|---|---|---|\n");
    const auto row = [](const char* name, const Rouge& x) {
      const double n = x.n > 0 ? x.n : 1;
      std::printf("| %s | %.3f | %.3f | %.3f |\n", name, x.r1 / n, x.r2 / n,
                  x.rl / n);
    };
    row("synoptic (cited extractive summary)", ours);
    row("lead-3 (first article of the cluster)", lead);
    row("TextRank (same sentence count)", rank);
    std::printf("\n");
  }
  return 0;
}
