// Markdown and HTML renderings of the report. Both walk the same sections
// in the same order (storylines > clusters with summary, sources,
// disagreements; timeline; relations; actors; documents; errors), so the two
// formats say the same thing. Citations link to an anchor at the start of
// the cited sentence inside the Documents section. All article text is
// escaped: it is untrusted input.
#include "synoptic/report/report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "synoptic/report/internal/view.h"

namespace synoptic::report {
namespace {

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Escapes Markdown syntax and raw HTML in article text; newlines become
// spaces so a value never breaks a table row or list item.
std::string MdEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#':
      case '|': case '!': case '~':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Anchor(const ReportView& v, uint32_t doc, uint32_t byte) {
  return "d" + std::to_string(doc + 1) + "-" +
         std::to_string(v.Cp(doc, v.SentenceStart(doc, byte)));
}

std::string DocLabel(const DocAnalysis& a) {
  if (!a.doc.site.empty()) return a.doc.site;
  const std::string& s = a.doc.source;
  const size_t slash = s.find_last_of('/');
  return slash == std::string::npos ? s : s.substr(slash + 1);
}

std::string ShortText(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

// Who reported a cluster: each document's outlet, or its file name when no
// outlet is known, so no report is hidden from the sources list.
std::vector<std::string> ClusterSources(const Report& r, const stories::Cluster& c) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (uint32_t d : c.docs) {
    if (d >= r.docs.size()) continue;
    std::string label = DocLabel(r.docs[d]);
    if (seen.insert(label).second) out.push_back(std::move(label));
  }
  return out;
}

struct Counts {
  size_t docs, sources, clusters, storylines, events, entities, errors;
};

Counts CountOf(const Report& r) {
  std::set<std::string> sites;
  size_t events = 0;
  for (const auto& a : r.docs) {
    sites.insert(DocLabel(a));
    events += a.events.size();
  }
  return {r.docs.size(), sites.size(), r.stories.clusters.size(),
          r.stories.storylines.size(), events, r.stories.entities.size(),
          r.errors.size()};
}

// Which sentence starts are cited anywhere (only those get anchors in md).
std::set<std::pair<uint32_t, uint32_t>> CitedSentences(const ReportView& v) {
  std::set<std::pair<uint32_t, uint32_t>> out;
  const auto& st = v.report().stories;
  auto add = [&](const stories::Citation& c) {
    out.emplace(c.doc, v.SentenceStart(c.doc, c.span.begin));
  };
  for (const auto& c : st.clusters) for (const auto& s : c.summary) add(s);
  for (const auto& t : st.timeline) for (const auto& c : t.citations) add(c);
  for (const auto& d : st.disagreements) for (const auto& c : d.claims) add(c.citation);
  return out;
}

const stories::Cluster* FindCluster(const Report& r, const std::string& id) {
  for (const auto& c : r.stories.clusters) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace

Result<Format> ParseFormat(std::string_view name) {
  const std::string n = Lower(name);
  if (n == "md" || n == "markdown") return Format::kMarkdown;
  if (n == "html") return Format::kHtml;
  if (n == "json") return Format::kJson;
  if (n == "jsonl") return Format::kJsonLines;
  return InvalidArgument("unknown format '" + std::string(name) +
                         "' (use md, html, json or jsonl)");
}

Result<Format> FormatFromPath(std::string_view path) {
  const size_t dot = path.find_last_of('.');
  const size_t slash = path.find_last_of('/');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash)) {
    return InvalidArgument("cannot tell the format of '" + std::string(path) +
                           "' from its name (use .md, .html, .json or .jsonl, "
                           "or --format)");
  }
  return ParseFormat(path.substr(dot + 1));
}

// ---------------------------------------------------------------- Markdown

namespace {

// Comparison tables of a cluster: shared claims, then a few single-source
// ones; tone per actor (rows) and outlet (columns).
constexpr size_t kMaxSingleShown = 8;

struct ToneTable {
  std::vector<std::string> outlets;
  std::vector<int32_t> actors;
  // (actor, outlet) -> "tone (n)"
  std::map<std::pair<int32_t, std::string>, std::string> cells;
};

ToneTable MakeToneTable(const stories::Cluster& c) {
  ToneTable t;
  std::set<std::string> outlets;
  for (const auto& p : c.portrayal) {
    outlets.insert(p.outlet);
    if (std::find(t.actors.begin(), t.actors.end(), p.entity) == t.actors.end()) {
      t.actors.push_back(p.entity);
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%+.1f (%u)", p.tone, p.sentences);
    t.cells[{p.entity, p.outlet}] = buf;
  }
  t.outlets.assign(outlets.begin(), outlets.end());
  return t;
}

}  // namespace

std::string RenderMarkdown(const Report& report) {
  const ReportView v(report);
  const auto& st = report.stories;
  const Counts n = CountOf(report);
  std::string md;
  md.reserve(64 * 1024);
  md += "# synoptic report\n\n";
  md += "_" + std::to_string(n.docs) + " documents from " +
        std::to_string(n.sources) + " sources · " + std::to_string(n.clusters) +
        " event clusters · " + std::to_string(n.storylines) + " storylines · " +
        std::to_string(n.events) + " events · " + std::to_string(n.entities) +
        " actors · " + std::to_string(n.errors) + " input errors · generated " +
        report.generated + " by synoptic " + report.version + "_\n\n";

  auto cite = [&](const stories::Citation& c) {
    return "[" + MdEscape(DocLabel(report.docs[c.doc])) + "](#" +
           Anchor(v, c.doc, c.span.begin) + ")";
  };

  md += "## Storylines\n\n";
  if (st.storylines.empty()) md += "_No storylines._\n\n";
  for (const auto& s : st.storylines) {
    md += "### " + MdEscape(s.title) + "\n\n";
    for (const auto& cid : s.clusters) {
      const stories::Cluster* c = FindCluster(report, cid);
      if (c == nullptr) continue;
      md += "#### " + MdEscape(c->title) + (c->date.empty() ? "" : " — " + c->date) +
            "\n\n";
      md += "Sources (" + std::to_string(c->docs.size()) + " reports): ";
      const std::vector<std::string> sources = ClusterSources(report, *c);
      for (size_t i = 0; i < sources.size(); ++i) {
        md += (i ? ", " : "") + MdEscape(sources[i]);
      }
      md += "\n\n";
      for (const auto& group : c->duplicates) {
        if (group.size() < 2) continue;
        md += "Reprinted: ";
        for (size_t i = 0; i < group.size(); ++i) {
          md += (i ? ", " : "") + MdEscape(DocLabel(report.docs[group[i]]));
        }
        md += " (counted once)\n\n";
      }
      for (const auto& sent : c->summary) {
        md += "- " + MdEscape(sent.text) + " " + cite(sent) + "\n";
      }
      if (!c->summary.empty()) md += "\n";
      for (const auto& d : st.disagreements) {
        if (d.cluster != c->id) continue;
        md += "**Sources disagree** on " + MdEscape(d.about) + ":\n";
        for (const auto& claim : d.claims) {
          md += "- " + MdEscape(claim.value) + " — " + cite(claim.citation) + ": “" +
                MdEscape(ShortText(claim.citation.text, 240)) + "”\n";
        }
        md += "\n";
      }
      if (!c->comparison.empty()) {
        md += "**Who reports what** (⚑ = one outlet only):\n\n"
              "| claim | reported by | not reported by |\n|---|---|---|\n";
        size_t singles = 0;
        for (const auto& cc : c->comparison) {
          const bool single = cc.outlets.size() == 1;
          if (single && ++singles > kMaxSingleShown) break;
          md += "| " + std::string(single ? "⚑ " : "") + MdEscape(cc.about) + " | ";
          for (size_t i = 0; i < cc.outlets.size(); ++i) {
            md += (i ? ", " : "") + cite(cc.citations[i]);
          }
          md += " | ";
          for (size_t i = 0; i < cc.missing.size(); ++i) {
            md += (i ? ", " : "") + MdEscape(cc.missing[i]);
          }
          md += " |\n";
        }
        md += "\n";
      }
      if (!c->portrayal.empty()) {
        const ToneTable t = MakeToneTable(*c);
        md += "**Tone towards the main actors**, by outlet (positive minus "
              "negative words per 100 words of the sentences naming the "
              "actor; sentences in brackets):\n\n| actor |";
        for (const auto& o : t.outlets) md += " " + MdEscape(o) + " |";
        md += "\n|---|";
        for (size_t i = 0; i < t.outlets.size(); ++i) md += "---|";
        md += "\n";
        for (int32_t a : t.actors) {
          md += "| " + MdEscape(st.entities[a].name) + " |";
          for (const auto& o : t.outlets) {
            auto it = t.cells.find({a, o});
            md += " " + (it == t.cells.end() ? std::string("–") : it->second) + " |";
          }
          md += "\n";
        }
        md += "\n";
      }
    }
  }

  md += "## Timeline\n\n";
  if (st.timeline.empty()) md += "_No dated events._\n\n";
  else md += "| date | what happened | cluster | reported by |\n|---|---|---|---|\n";
  for (const auto& t : st.timeline) {
    std::string by;
    for (size_t i = 0; i < t.citations.size(); ++i) {
      by += (i ? ", " : "") + cite(t.citations[i]);
    }
    md += "| " + t.date + " | " + MdEscape(ShortText(t.text, 300)) + " | " +
          t.cluster + " | " + by + " |\n";
  }
  md += "\n";

  md += "## Relations\n\n";
  if (st.relations.empty()) md += "_No coded interactions._\n\n";
  else md += "| actors | period | cooperation | conflict | events |\n|---|---|---|---|---|\n";
  for (const auto& r : st.relations) {
    md += "| " + MdEscape(v.EntityName(r.a)) + " – " + MdEscape(v.EntityName(r.b)) +
          " | " + r.period + " | " + Fixed(r.cooperation) + " | " +
          Fixed(r.conflict) + " | " + std::to_string(r.events.size()) + " |\n";
  }
  md += "\n";

  md += "## Actors\n\n";
  if (st.entities.empty()) md += "_No actors._\n\n";
  else md += "| actor | type | code | mentions | also written |\n|---|---|---|---|---|\n";
  std::vector<const stories::GlobalEntity*> ents;
  for (const auto& e : st.entities) ents.push_back(&e);
  std::stable_sort(ents.begin(), ents.end(), [](auto* a, auto* b) {
    return a->mentions.size() > b->mentions.size();
  });
  for (const auto* e : ents) {
    std::string aliases;
    for (size_t i = 0; i < e->aliases.size() && i < 8; ++i) {
      aliases += (i ? ", " : "") + MdEscape(e->aliases[i]);
    }
    md += "| " + MdEscape(e->name) + " | " + std::string(EntityTypeName(e->type)) +
          " | " + MdEscape(e->code) + " | " + std::to_string(e->mentions.size()) +
          " | " + aliases + " |\n";
  }
  md += "\n";

  md += "## Documents\n\n";
  const auto cited = CitedSentences(v);
  for (uint32_t d = 0; d < report.docs.size(); ++d) {
    const Document& doc = report.docs[d].doc;
    md += "### " + std::to_string(d + 1) + ". " +
          MdEscape(doc.title.empty() ? "(untitled)" : doc.title) + "\n\n";
    md += "- source: `" + MdEscape(doc.source) + "`\n";
    if (!doc.site.empty()) md += "- site: " + MdEscape(doc.site) + "\n";
    if (!doc.url.empty()) md += "- url: " + MdEscape(doc.url) + "\n";
    if (!doc.authors.empty()) {
      md += "- by: ";
      for (size_t i = 0; i < doc.authors.size(); ++i) {
        md += (i ? ", " : "") + MdEscape(doc.authors[i]);
      }
      md += "\n";
    }
    md += "- published: " + (doc.published.empty() ? "unknown" : doc.published) +
          " (" + std::string(DateSourceName(doc.published_from)) + ")\n";
    md += "- language: " + doc.language + "; event cluster: " +
          (v.ClusterIdOfDoc(d).empty() ? "none" : v.ClusterIdOfDoc(d)) + "\n\n";
    for (const auto& p : doc.paragraphs) {
      std::string para;
      uint32_t pos = p.begin;
      for (auto it = cited.lower_bound({d, p.begin});
           it != cited.end() && it->first == d && it->second < p.end; ++it) {
        para += MdEscape(std::string_view(doc.text).substr(pos, it->second - pos));
        para += "<a id=\"" + Anchor(v, d, it->second) + "\"></a>";
        pos = it->second;
      }
      para += MdEscape(std::string_view(doc.text).substr(pos, p.end - pos));
      md += para + "\n\n";
    }
  }

  md += "## Input errors\n\n";
  if (report.errors.empty()) md += "_None._\n";
  for (const auto& e : report.errors) {
    md += "- `" + MdEscape(e.source) + "`: " + e.code + ": " + MdEscape(e.message) + "\n";
  }
  return md;
}

// -------------------------------------------------------------------- HTML

namespace {

constexpr std::string_view kCss = R"css(
:root{--fg:#1d232a;--muted:#5b6570;--line:#dde2e7;--accent:#0b5cad;--bg:#fbfcfd;--warn:#9a3b00}
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#14212e;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#c4d0dc;font-size:14px}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:8px 28px;font-size:14px;z-index:2}nav a{margin-right:16px;color:var(--accent);text-decoration:none}
main{max-width:1100px;margin:0 auto;padding:8px 28px 60px}h2{margin-top:36px;border-bottom:2px solid var(--line);padding-bottom:4px}
.story{background:#fff;border:1px solid var(--line);border-radius:8px;padding:6px 20px 12px;margin:16px 0}
.cluster{border-left:4px solid var(--accent);padding:2px 0 2px 14px;margin:14px 0}.cluster h4{margin:6px 0}.date{color:var(--muted);font-weight:normal}
.sources{font-size:14px;color:var(--muted)}.chip{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 8px;margin:2px 4px 2px 0;font-size:13px;background:#f3f6f9;color:var(--fg)}
ul.summary li{margin:4px 0}a.cite{font-size:12px;vertical-align:super;color:var(--accent);text-decoration:none;margin-left:3px}
.disagree{background:#fff6ef;border:1px solid #f3d3bc;border-radius:6px;padding:8px 14px;margin:10px 0}.disagree b{color:var(--warn)}
table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}th{background:#f1f4f7}
td.num{text-align:right;font-variant-numeric:tabular-nums}.coop{color:#176b2c}.conf{color:#a32020}
.doc{background:#fff;border:1px solid var(--line);border-radius:8px;padding:4px 20px;margin:14px 0}.meta{font-size:13px;color:var(--muted)}
.doc p span:target{background:#fff2a8;outline:2px solid #f0c400}.doc p.h{font-weight:600}.doc p.li{margin-left:18px}.doc p.q{margin-left:18px;color:#394652;font-style:italic}
.err{color:var(--warn)}
)css";

std::string HtmlCite(const ReportView& v, const stories::Citation& c, size_t n) {
  return "<a class=\"cite\" href=\"#" + Anchor(v, c.doc, c.span.begin) + "\" title=\"" +
         HtmlEscape(DocLabel(v.report().docs[c.doc])) + "\">[" + std::to_string(n) +
         "]</a>";
}

}  // namespace

std::string RenderHtml(const Report& report) {
  const ReportView v(report);
  const auto& st = report.stories;
  const Counts n = CountOf(report);
  std::string h;
  h.reserve(128 * 1024);
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'\">"
       "<title>synoptic report</title><style>";
  h += kCss;
  h += "</style></head><body>\n<header><h1>synoptic report</h1><p>" +
       std::to_string(n.docs) + " documents from " + std::to_string(n.sources) +
       " sources · " + std::to_string(n.clusters) + " event clusters · " +
       std::to_string(n.storylines) + " storylines · " + std::to_string(n.events) +
       " events · " + std::to_string(n.entities) + " actors · " +
       std::to_string(n.errors) + " input errors · generated " +
       HtmlEscape(report.generated) + "</p></header>\n";
  h += "<nav><a href=\"#storylines\">Storylines</a><a href=\"#timeline\">Timeline"
       "</a><a href=\"#relations\">Relations</a><a href=\"#actors\">Actors</a>"
       "<a href=\"#documents\">Documents</a><a href=\"#errors\">Errors</a></nav>\n"
       "<main>\n";

  h += "<h2 id=\"storylines\">Storylines</h2>\n";
  if (st.storylines.empty()) h += "<p>No storylines.</p>\n";
  for (const auto& s : st.storylines) {
    h += "<section class=\"story\" id=\"" + HtmlEscape(s.id) + "\"><h3>" +
         HtmlEscape(s.title) + "</h3>\n";
    for (const auto& cid : s.clusters) {
      const stories::Cluster* c = FindCluster(report, cid);
      if (c == nullptr) continue;
      h += "<div class=\"cluster\" id=\"" + HtmlEscape(c->id) + "\"><h4>" +
           HtmlEscape(c->title) + " <span class=\"date\">" + HtmlEscape(c->date) +
           "</span></h4>\n<div class=\"sources\">" + std::to_string(c->docs.size()) +
           " reports: ";
      for (const auto& src : ClusterSources(report, *c)) {
        h += "<span class=\"chip\">" + HtmlEscape(src) + "</span>";
      }
      h += "</div>\n";
      for (const auto& group : c->duplicates) {
        if (group.size() < 2) continue;
        h += "<div class=\"sources\">Reprinted: ";
        for (uint32_t d : group) {
          h += "<span class=\"chip\">" + HtmlEscape(DocLabel(report.docs[d])) + "</span>";
        }
        h += " (counted once)</div>\n";
      }
      if (!c->summary.empty()) {
        h += "<ul class=\"summary\">";
        size_t k = 1;
        for (const auto& sent : c->summary) {
          h += "<li>" + HtmlEscape(sent.text) + HtmlCite(v, sent, k++) + "</li>";
        }
        h += "</ul>\n";
      }
      for (const auto& d : st.disagreements) {
        if (d.cluster != c->id) continue;
        h += "<div class=\"disagree\"><b>Sources disagree</b> on " +
             HtmlEscape(d.about) + "<ul>";
        size_t k = 1;
        for (const auto& claim : d.claims) {
          h += "<li><b>" + HtmlEscape(claim.value) + "</b> — " +
               HtmlEscape(DocLabel(report.docs[claim.citation.doc])) + ": “" +
               HtmlEscape(ShortText(claim.citation.text, 240)) + "”" +
               HtmlCite(v, claim.citation, k++) + "</li>";
        }
        h += "</ul></div>\n";
      }
      if (!c->comparison.empty()) {
        h += "<details class=\"compare\"><summary>Who reports what "
             "(⚑ = one outlet only)</summary><table><tr><th>claim</th>"
             "<th>reported by</th><th>not reported by</th></tr>\n";
        size_t singles = 0, k = 1;
        for (const auto& cc : c->comparison) {
          const bool single = cc.outlets.size() == 1;
          if (single && ++singles > kMaxSingleShown) break;
          h += "<tr><td>" + std::string(single ? "⚑ " : "") +
               HtmlEscape(cc.about) + "</td><td>";
          for (size_t i = 0; i < cc.outlets.size(); ++i) {
            h += "<span class=\"chip\">" + HtmlEscape(cc.outlets[i]) +
                 HtmlCite(v, cc.citations[i], k++) + "</span>";
          }
          h += "</td><td>";
          for (const auto& m : cc.missing) {
            h += "<span class=\"chip\">" + HtmlEscape(m) + "</span>";
          }
          h += "</td></tr>\n";
        }
        h += "</table></details>\n";
      }
      if (!c->portrayal.empty()) {
        const ToneTable t = MakeToneTable(*c);
        h += "<details class=\"compare\"><summary>Tone towards the main "
             "actors, by outlet</summary><p class=\"note\">Positive minus "
             "negative words per 100 words of the sentences naming the actor; "
             "sentences in brackets.</p><table><tr><th>actor</th>";
        for (const auto& o : t.outlets) h += "<th>" + HtmlEscape(o) + "</th>";
        h += "</tr>\n";
        for (int32_t a : t.actors) {
          h += "<tr><td>" + HtmlEscape(st.entities[a].name) + "</td>";
          for (const auto& o : t.outlets) {
            auto it = t.cells.find({a, o});
            h += "<td>" + HtmlEscape(it == t.cells.end() ? "–" : it->second) +
                 "</td>";
          }
          h += "</tr>\n";
        }
        h += "</table></details>\n";
      }
      h += "</div>\n";
    }
    h += "</section>\n";
  }

  h += "<h2 id=\"timeline\">Timeline</h2>\n";
  if (st.timeline.empty()) {
    h += "<p>No dated events.</p>\n";
  } else {
    h += "<table><tr><th>date</th><th>what happened</th><th>cluster</th>"
         "<th>reported by</th></tr>\n";
    for (const auto& t : st.timeline) {
      h += "<tr><td>" + HtmlEscape(t.date) + "</td><td>" +
           HtmlEscape(ShortText(t.text, 300)) + "</td><td><a href=\"#" +
           HtmlEscape(t.cluster) + "\">" + HtmlEscape(t.cluster) + "</a></td><td>";
      size_t k = 1;
      for (const auto& c : t.citations) {
        h += HtmlEscape(DocLabel(report.docs[c.doc])) + HtmlCite(v, c, k++) + " ";
      }
      h += "</td></tr>\n";
    }
    h += "</table>\n";
  }

  h += "<h2 id=\"relations\">Relations</h2>\n";
  if (st.relations.empty()) {
    h += "<p>No coded interactions.</p>\n";
  } else {
    h += "<table><tr><th>actors</th><th>period</th><th>cooperation</th>"
         "<th>conflict</th><th>events</th></tr>\n";
    for (const auto& r : st.relations) {
      h += "<tr><td>" + HtmlEscape(v.EntityName(r.a)) + " – " +
           HtmlEscape(v.EntityName(r.b)) + "</td><td>" + HtmlEscape(r.period) +
           "</td><td class=\"num coop\">" + Fixed(r.cooperation) +
           "</td><td class=\"num conf\">" + Fixed(r.conflict) + "</td><td class=\"num\">" +
           std::to_string(r.events.size()) + "</td></tr>\n";
    }
    h += "</table>\n";
  }

  h += "<h2 id=\"actors\">Actors</h2>\n";
  if (st.entities.empty()) {
    h += "<p>No actors.</p>\n";
  } else {
    std::vector<const stories::GlobalEntity*> ents;
    for (const auto& e : st.entities) ents.push_back(&e);
    std::stable_sort(ents.begin(), ents.end(), [](auto* a, auto* b) {
      return a->mentions.size() > b->mentions.size();
    });
    h += "<table><tr><th>actor</th><th>type</th><th>code</th><th>mentions</th>"
         "<th>also written</th></tr>\n";
    for (const auto* e : ents) {
      h += "<tr><td>" + HtmlEscape(e->name) + "</td><td>" +
           std::string(EntityTypeName(e->type)) + "</td><td>" + HtmlEscape(e->code) +
           "</td><td class=\"num\">" + std::to_string(e->mentions.size()) + "</td><td>";
      for (size_t i = 0; i < e->aliases.size() && i < 8; ++i) {
        h += "<span class=\"chip\">" + HtmlEscape(e->aliases[i]) + "</span>";
      }
      h += "</td></tr>\n";
    }
    h += "</table>\n";
  }

  h += "<h2 id=\"documents\">Documents</h2>\n";
  for (uint32_t d = 0; d < report.docs.size(); ++d) {
    const DocAnalysis& a = report.docs[d];
    const Document& doc = a.doc;
    h += "<article class=\"doc\" id=\"doc-" + std::to_string(d + 1) + "\"><h3>" +
         std::to_string(d + 1) + ". " +
         HtmlEscape(doc.title.empty() ? "(untitled)" : doc.title) +
         "</h3><p class=\"meta\">" + HtmlEscape(DocLabel(a)) + " · published " +
         HtmlEscape(doc.published.empty() ? "unknown" : doc.published) + " (" +
         std::string(DateSourceName(doc.published_from)) + ")";
    if (!doc.authors.empty()) {
      h += " · by ";
      for (size_t i = 0; i < doc.authors.size(); ++i) {
        h += (i ? ", " : "") + HtmlEscape(doc.authors[i]);
      }
    }
    h += " · " + HtmlEscape(doc.language) + " · <code>" + HtmlEscape(doc.source) +
         "</code>";
    if (!doc.url.empty()) h += " · " + HtmlEscape(doc.url);
    const std::string cid = v.ClusterIdOfDoc(d);
    if (!cid.empty()) h += " · cluster <a href=\"#" + cid + "\">" + cid + "</a>";
    h += "</p>\n";
    // Each sentence is a span with an id so citations can point at it.
    size_t si = 0;
    for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const ByteSpan ps = doc.paragraphs[p];
      const uint8_t kind = p < doc.paragraph_kinds.size() ? doc.paragraph_kinds[p] : 0;
      static constexpr const char* kClass[] = {"", " class=\"h\"", " class=\"li\"",
                                               " class=\"q\""};
      h += "<p";
      h += kClass[kind < 4 ? kind : 0];
      h += ">";
      uint32_t pos = ps.begin;
      while (si < a.sentences.size() && a.sentences[si].span.end <= ps.begin) ++si;
      bool any = false;
      for (; si < a.sentences.size() && a.sentences[si].span.begin < ps.end; ++si) {
        const ByteSpan s = a.sentences[si].span;
        if (s.begin > pos) h += HtmlEscape(std::string_view(doc.text).substr(pos, s.begin - pos));
        const uint32_t e = std::min(s.end, ps.end);
        h += "<span id=\"" + Anchor(v, d, s.begin) + "\">" +
             HtmlEscape(std::string_view(doc.text).substr(s.begin, e - s.begin)) +
             "</span>";
        pos = e;
        any = true;
      }
      if (!any) h += "<span id=\"" + Anchor(v, d, ps.begin) + "\">";
      if (pos < ps.end) h += HtmlEscape(std::string_view(doc.text).substr(pos, ps.end - pos));
      if (!any) h += "</span>";
      h += "</p>\n";
    }
    h += "</article>\n";
  }

  h += "<h2 id=\"errors\">Input errors</h2>\n";
  if (report.errors.empty()) h += "<p>None.</p>\n";
  else h += "<ul>";
  for (const auto& e : report.errors) {
    h += "<li class=\"err\"><code>" + HtmlEscape(e.source) + "</code>: " +
         HtmlEscape(e.code) + ": " + HtmlEscape(e.message) + "</li>\n";
  }
  if (!report.errors.empty()) h += "</ul>\n";
  h += "</main></body></html>\n";
  return h;
}

}  // namespace synoptic::report
