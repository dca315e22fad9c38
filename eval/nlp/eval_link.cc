// Entity-linking evaluation of the language core (nlp mentions plus actor
// resolution against our knowledge base, models/actors_kb.tsv with Debian's
// iso-codes) on the Wikipedia links that GUM carries.
//
// Gold: in the GUM documents of a split (permissive genres; the test split
// is held back and never read), every person, place or organization mention
// that is a name (its minimal span begins and ends with a proper noun, as in
// eval_ner) and carries a Wikipedia identifier. The identifier is decoded to
// a title ("Coron%2C_Palawan" -> "Coron, Palawan"). A title is "in the KB"
// when it names a KB entity (actors::KbKeysForName, the resolver's own name
// normalisation); the KB is written without looking at GUM.
//
// System: the name mentions our pipeline links to a KB entity (key "kb:...";
// a capital read as its government, "Athens said", counts as a name),
// each document annotated alone with its dateCreated as the document date.
// A system link and a gold mention match when their token spans overlap
// (weak annotation match, as GERBIL's "weak" setting); the link is right
// when its KB key is one the gold title names.
//
// Measures (the usual ones for end-to-end linking, micro-averaged over
// mentions): in-KB accuracy (gold mentions whose title is in the KB and
// that we link right), precision (our links that are right), recall (gold
// links we get right, KB or not) and F1; also the accuracy of our links on
// the mentions the gold links at all (a link elsewhere cannot be judged
// beyond "GUM links nothing here").
//
// Usage: eval_link [SHARED_DIR] [--models DIR] [--errors N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gum.h"
#include "synoptic/actors/actors.h"
#include "synoptic/core/civil.h"
#include "synoptic/core/env.h"
#include "synoptic/nlp/nlp.h"

using synoptic::DocAnalysis;
using synoptic_eval::GumDoc;
using synoptic_eval::GumMention;

namespace {

struct GoldLink {
  size_t doc;
  uint32_t first, last;
  std::string type;   // person, place, organization
  std::string title;  // Wikipedia title
  std::vector<std::string> keys;  // KB entities the title names
};

struct SysLink {
  size_t doc;
  uint32_t first, last;
  std::string key;  // "kb:..."
};

bool Overlap(const GoldLink& g, const SysLink& s) {
  return g.doc == s.doc && s.first <= g.last && g.first <= s.last;
}

bool Right(const GoldLink& g, const SysLink& s) {
  for (const std::string& k : g.keys) {
    if (k == s.key) return true;
  }
  return false;
}

struct Counts {
  size_t gold = 0, in_kb = 0, in_kb_right = 0;
  size_t sys = 0, sys_right = 0, gold_right = 0;
  size_t judged = 0, judged_right = 0;  // our links on gold-linked mentions
};

double Ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / b : 0; }

}  // namespace

int main(int argc, char** argv) {
  std::string shared, models = SYN_MODELS_DIR;
  size_t show_errors = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--models" && i + 1 < argc) {
      models = argv[++i];
    } else if (a == "--errors" && i + 1 < argc) {
      show_errors = static_cast<size_t>(std::atoi(argv[++i]));
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr,
                   "usage: eval_link [SHARED_DIR] [--models DIR] [--errors N]\n");
      return 2;
    } else {
      shared = a;
    }
  }
  if (shared.empty()) {
    const char* env = std::getenv("SYN_SHARED_DIR");
    shared = env && *env ? env : SYN_SHARED_DIR;
  }
  std::printf("## Entity linking (eval/nlp)\n\n");
  const std::string gum_dir = shared + "/data/gum-permissive";
  const std::set<std::string> dev =
      synoptic_eval::GumSplit(gum_dir + "/splits.md", "dev");
  const std::vector<GumDoc> docs = synoptic_eval::ReadGum(gum_dir + "/dep", dev);
  if (docs.empty()) {
    std::printf("skip: entity linking (no GUM dev documents in %s)\n\n",
                gum_dir.c_str());
    return 0;
  }

  synoptic::Env* env = synoptic::DefaultEnv();
  synoptic::nlp::NlpOptions no;
  no.models_dir = models;
  auto nlp_model = synoptic::nlp::LoadNlpModel(env, no);
  synoptic::actors::ActorOptions ao;
  ao.models_dir = models;
  auto kb = synoptic::actors::LoadActorKb(env, ao);
  if (!nlp_model.ok() || !kb.ok()) {
    std::fprintf(stderr, "eval_link: cannot load models from %s: %s\n",
                 models.c_str(),
                 (!nlp_model.ok() ? nlp_model.status() : kb.status())
                     .ToString()
                     .c_str());
    return 1;
  }

  std::vector<GoldLink> gold;
  std::vector<SysLink> sys;
  std::vector<SysLink> unlinked;  // our other mentions, for --errors
  size_t tokens = 0;
  double seconds = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const GumDoc& d = docs[i];
    tokens += d.toks.size();
    std::set<std::pair<uint32_t, uint32_t>> seen;
    for (const GumMention& m : d.mentions) {
      if (m.wikipedia.empty() ||
          (m.type != "person" && m.type != "place" && m.type != "organization")) {
        continue;
      }
      uint32_t first = 0, last = 0;
      if (!synoptic_eval::GumNameSpan(d, m, &first, &last)) continue;
      if (!seen.insert({first, last}).second) continue;
      gold.push_back({i, first, last, m.type, m.wikipedia,
                      synoptic::actors::KbKeysForName(**kb, m.wikipedia)});
    }
    const synoptic_eval::GumText text = synoptic_eval::RebuildGumText(d);
    const auto t0 = std::chrono::steady_clock::now();
    DocAnalysis a;
    a.doc.text = text.text;
    synoptic::nlp::Annotate(**nlp_model, no, &a);
    synoptic::actors::ResolveActors(
        **kb, synoptic::civil::ParseIsoDate(d.date_created), &a);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                             t0)
                   .count();
    for (const synoptic::Mention& m : a.mentions) {
      uint32_t first = 0, last = 0;
      if (!synoptic_eval::GumTokensOf(text, m.span.begin, m.span.end, &first,
                                      &last)) {
        continue;
      }
      const bool resolved =
          m.entity >= 0 && static_cast<size_t>(m.entity) < a.entities.size();
      const std::string key =
          resolved ? a.entities[static_cast<size_t>(m.entity)].key : "";
      // Names, and names read as their government; demonyms ("Greek"),
      // roles ("the prime minister") and pronouns are not names in GUM.
      const bool name_like = m.kind == synoptic::MentionKind::kName ||
                             m.kind == synoptic::MentionKind::kMetonym;
      if (key.rfind("kb:", 0) == 0 && name_like) {
        sys.push_back({i, first, last, key});
      } else if (show_errors > 0) {
        unlinked.push_back({i, first, last,
                            key.empty() ? std::string("(unresolved)") : key});
      }
    }
  }

  std::map<std::string, Counts> by_type;  // "" = all
  const auto words = [&](size_t doc, uint32_t first, uint32_t last) {
    std::string w;
    for (uint32_t t = first; t <= last; ++t) {
      w += (t > first ? " " : "") + docs[doc].toks[t].text;
    }
    return w;
  };
  size_t shown = 0;
  for (const GoldLink& g : gold) {
    bool right = false;
    const SysLink* any = nullptr;
    for (const SysLink& s : sys) {
      if (!Overlap(g, s)) continue;
      any = &s;
      right = right || Right(g, s);
    }
    const SysLink* other = nullptr;
    for (const SysLink& s : unlinked) {
      if (Overlap(g, s)) other = &s;
    }
    for (const std::string& t : {std::string(), g.type}) {
      Counts& c = by_type[t];
      ++c.gold;
      c.gold_right += right;
      if (!g.keys.empty()) {
        ++c.in_kb;
        c.in_kb_right += right;
      }
    }
    if (!right && show_errors > 0 && shown < show_errors &&
        (!g.keys.empty() || any)) {
      ++shown;
      std::fprintf(stderr, "%s %s \"%s\" gold %s (%s) ours %s\n",
                   any ? "WRONG" : "MISS", docs[g.doc].id.c_str(),
                   words(g.doc, g.first, g.last).c_str(), g.title.c_str(),
                   g.keys.empty() ? "not in KB" : g.keys.front().c_str(),
                   any     ? any->key.c_str()
                   : other ? other->key.c_str()
                           : "no mention");
    }
  }
  for (const SysLink& s : sys) {
    bool judged = false, right = false;
    std::string type;
    for (const GoldLink& g : gold) {
      if (!Overlap(g, s)) continue;
      judged = true;
      type = g.type;
      right = right || Right(g, s);
    }
    Counts& all = by_type[""];
    ++all.sys;
    all.sys_right += right;
    all.judged += judged;
    all.judged_right += right;
    if (judged) {
      ++by_type[type].judged;
      by_type[type].judged_right += right;
    }
  }

  std::printf(
      "Data: GUM dev, %zu documents of the permissive genres, %zu tokens; gold: "
      "%zu person/place/organization name mentions with a Wikipedia link, %zu "
      "(%.1f%%) of them to a title our KB knows. Weak (overlap) match, micro "
      "over mentions. No published score for GUM's links was retrieved here; "
      "no peer here links entities (compromise and wink have no KB).\n\n",
      docs.size(), tokens, gold.size(), by_type[""].in_kb,
      100 * Ratio(by_type[""].in_kb, gold.size()));
  std::printf(
      "| mentions | gold | in KB | in-KB accuracy | our links on gold-linked "
      "mentions: right |\n|---|---|---|---|---|\n");
  for (const char* t : {"person", "place", "organization"}) {
    const Counts& c = by_type[t];
    std::printf("| %s | %zu | %zu | %.3f | %zu / %zu = %.3f |\n", t, c.gold,
                c.in_kb, Ratio(c.in_kb_right, c.in_kb), c.judged_right,
                c.judged, Ratio(c.judged_right, c.judged));
  }
  const Counts& c = by_type[""];
  std::printf("| **all** | %zu | %zu | **%.3f** | %zu / %zu = **%.3f** |\n\n",
              c.gold, c.in_kb, Ratio(c.in_kb_right, c.in_kb), c.judged_right,
              c.judged, Ratio(c.judged_right, c.judged));
  const double p = Ratio(c.sys_right, c.sys), r = Ratio(c.gold_right, c.gold);
  std::printf(
      "End to end: %zu links made, %zu right: precision %.3f, recall %.3f "
      "(of all %zu gold links, most to titles outside our KB), F1 %.3f. "
      "Speed: %.0fk tokens/s (nlp and actors, one thread).\n\n",
      c.sys, c.sys_right, p, r, c.gold, p + r > 0 ? 2 * p * r / (p + r) : 0.0,
      tokens / std::max(seconds, 1e-9) / 1000);
  return 0;
}
