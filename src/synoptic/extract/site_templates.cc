// See site_templates.h. Paragraphs are keyed by a 64-bit hash of their
// exact text; the work is one pass to count, one to rewrite.
#include "synoptic/extract/site_templates.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "synoptic/core/utf8.h"

namespace synoptic::extract {
namespace {

// The page's site: URL host without "www.", lower-cased; else the site name.
std::string SiteKey(const Document& d) {
  std::string_view u = d.url;
  if (const size_t scheme = u.find("://"); scheme != std::string_view::npos) {
    u.remove_prefix(scheme + 3);
    u = u.substr(0, u.find_first_of("/?#"));
    if (const size_t at = u.rfind('@'); at != std::string_view::npos) u.remove_prefix(at + 1);
    u = u.substr(0, u.find(':'));
    std::string host(u);
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    if (!host.empty()) return host;
  }
  return d.site.empty() ? std::string() : "site:" + d.site;
}

uint64_t ParagraphKey(std::string_view p) {
  // FNV-1a; collisions only merge counts of two unrelated paragraphs.
  uint64_t h = 1469598103934665603ULL;
  for (const char c : p) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

size_t RemoveSiteTemplates(std::span<Document* const> docs, const TemplateOptions& options) {
  std::unordered_map<std::string, std::vector<Document*>> by_site;
  for (Document* d : docs) {
    if (d == nullptr) continue;
    std::string key = SiteKey(*d);
    if (!key.empty()) by_site[std::move(key)].push_back(d);
  }
  size_t removed_total = 0;
  std::unordered_map<uint64_t, uint32_t> pages_with;
  std::unordered_set<uint64_t> seen;
  for (auto& [site, pages] : by_site) {
    if (pages.size() < options.min_pages) continue;
    pages_with.clear();
    for (const Document* d : pages) {
      seen.clear();
      for (const ByteSpan& p : d->paragraphs) {
        const uint64_t k = ParagraphKey(std::string_view(d->text).substr(p.begin, p.size()));
        if (seen.insert(k).second) ++pages_with[k];
      }
    }
    const auto need = static_cast<uint32_t>(std::max<double>(
        options.min_pages, std::ceil(options.min_share * static_cast<double>(pages.size()))));
    for (Document* d : pages) {
      std::vector<bool> drop(d->paragraphs.size(), false);
      size_t drop_bytes = 0, n_drop = 0;
      for (size_t i = 0; i < d->paragraphs.size(); ++i) {
        const ByteSpan& p = d->paragraphs[i];
        const uint64_t k = ParagraphKey(std::string_view(d->text).substr(p.begin, p.size()));
        if (pages_with[k] >= need) {
          drop[i] = true;
          drop_bytes += p.size();
          ++n_drop;
        }
      }
      if (n_drop == 0 || n_drop == d->paragraphs.size() ||
          static_cast<double>(drop_bytes) >
              options.max_removed_share * static_cast<double>(d->text.size())) {
        continue;
      }
      std::string text;
      text.reserve(d->text.size() - drop_bytes);
      std::vector<ByteSpan> paras;
      std::vector<uint8_t> kinds;
      uint32_t dropped_chars = 0;
      for (size_t i = 0; i < d->paragraphs.size(); ++i) {
        const ByteSpan& p = d->paragraphs[i];
        const std::string_view body = std::string_view(d->text).substr(p.begin, p.size());
        if (drop[i]) {
          dropped_chars += static_cast<uint32_t>(utf8::CountCodePoints(body));
          continue;
        }
        if (!text.empty()) text += "\n\n";
        const auto b = static_cast<uint32_t>(text.size());
        text += body;
        paras.push_back({b, static_cast<uint32_t>(text.size())});
        kinds.push_back(i < d->paragraph_kinds.size() ? d->paragraph_kinds[i] : 0);
      }
      d->text = std::move(text);
      d->paragraphs = std::move(paras);
      d->paragraph_kinds = std::move(kinds);
      d->stats.blocks_kept -= std::min<uint32_t>(d->stats.blocks_kept, static_cast<uint32_t>(n_drop));
      d->stats.chars_dropped += dropped_chars;
      removed_total += n_drop;
    }
  }
  return removed_total;
}

}  // namespace synoptic::extract
