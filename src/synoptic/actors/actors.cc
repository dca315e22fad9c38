// Actor resolution for one document.
//
// Passes, in order:
//  1. Link each name mention by normalised alias: KB aliases (countries,
//     governments and their metonyms, organisations, persons), demonyms
//     ("North Korean" -> PRK, kind kDemonym), capitals (a capital used as a
//     subject or possessor - "Pyongyang said", "Moscow's war" - is its
//     government, kind kMetonym; otherwise the city). Hyphenated compounds
//     that match nothing ("Putin-Kim", "Russia-North Korea") are split into
//     their parts.
//  2. Short forms: an unresolved one- or two-word mention that is a token of
//     a person already named in the document ("Kim" after "Kim Jong Un",
//     "Goldberg" after "Philip Goldberg") joins that person; otherwise a KB
//     surname is used when exactly one such person is in office at the date.
//  3. Roles: "<country> <role>", "<country>'s <role>", "<role> of <country>"
//     ("the Russian President", "North Korea's leader", "President of
//     Russia") become kRole mentions of the office holder: the name right
//     after the role when there is one ("Chinese President Xi Jinping"),
//     else the holder on the document date; with no date they stay out.
//  4. Everything else becomes a document-local entity "name:<TYPE>:<key>".
#include "synoptic/actors/actors.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <map>

#include "synoptic/actors/internal/kb.h"

namespace synoptic::actors {
namespace {

constexpr uint64_t kMaxKbBytes = 16u << 20;

struct Link {
  int32_t actor = -1;    // KB actor, or -1
  int32_t same_as = -1;  // another mention whose entity this one shares
  bool drop = false;     // replaced by its parts
  std::string code;      // affiliation code for an unknown person
};

// Nouns that affiliate a named person with a country's government or
// military ("the U.S. ambassador in Seoul, Jane Roe" -> USAGOV).
constexpr std::string_view kGovernmentNouns[] = {
    "ambassador",         "envoy",
    "minister",           "foreign minister",
    "diplomat",           "official",
    "spokesman",          "spokeswoman",
    "spokesperson",       "negotiator",
    "defense minister",   "defence minister",
    "secretary of state", "senator",
    "lawmaker",           "national security adviser",
    "president",          "vice president",
    "prime minister",     "premier",
    "chancellor",         "foreign secretary",
};
// Words that make "<country> ..." an institution of the state.
constexpr std::string_view kGovernmentInstitutions[] = {
    "ministry", "government", "embassy",        "parliament",
    "cabinet",  "office",     "foreign",        "senate",
    "congress", "presidency", "administration",
};
constexpr std::string_view kMilitaryInstitutions[] = {
    "army",    "military", "navy",  "forces",  "defense",
    "defence", "troops",   "guard", "marines",
};
constexpr std::string_view kMilitaryNouns[] = {
    "general",        "commander",     "admiral", "army chief",
    "military chief", "defense chief", "colonel",
};

class Resolver {
 public:
  Resolver(const ActorKb& kb, const std::optional<civil::Date>& date,
           DocAnalysis* a)
      : kb_(kb), date_(date), a_(a), text_(a->doc.text) {}

  void Run() {
    links_.assign(a_->mentions.size(), Link{});
    for (size_t i = 0; i < a_->mentions.size(); ++i) LinkByAlias(i);
    CollectPersons();
    for (size_t i = 0; i < a_->mentions.size(); ++i) {
      if (links_[i].actor < 0 && !links_[i].drop) LinkShortForm(i);
    }
    FindRoles();
    FindAffiliations();
    BuildEntities();
  }

 private:
  std::string_view Surface(const ByteSpan& s) const {
    return text_.substr(s.begin, s.size());
  }
  // Index of the token starting at byte b, or -1.
  int32_t TokenAt(uint32_t b) const {
    auto it = std::lower_bound(
        a_->tokens.begin(), a_->tokens.end(), b,
        [](const Token& t, uint32_t v) { return t.begin < v; });
    if (it == a_->tokens.end() || it->begin != b) return -1;
    return static_cast<int32_t>(it - a_->tokens.begin());
  }
  int32_t TokenEndingAt(uint32_t e) const {
    auto it =
        std::lower_bound(a_->tokens.begin(), a_->tokens.end(), e,
                         [](const Token& t, uint32_t v) { return t.end < v; });
    if (it == a_->tokens.end() || it->end != e) return -1;
    return static_cast<int32_t>(it - a_->tokens.begin());
  }
  std::string_view TokText(int32_t i) const {
    const Token& t = a_->tokens[i];
    return text_.substr(t.begin, t.end - t.begin);
  }
  bool IsPossessive(int32_t i) const {
    std::string_view w = TokText(i);
    return w == "'s" || w == "\xE2\x80\x99s";
  }

  // Whether a capital whose name ends before token `i` acts as its
  // government: it is the possessor ("Moscow's war") or the subject of an
  // action only people and states take ("Pyongyang said", "Moscow has
  // warned"). A city that is, has, lies, hosts or remains something is the
  // place ("Athens is the capital", "Seoul will host the games").
  bool ActsAsGovernment(int32_t i) const {
    const auto n = static_cast<int32_t>(a_->tokens.size());
    if (i >= n) return false;
    if (IsPossessive(i)) return true;
    // Skip auxiliaries followed by a verb and adverbs ("has warned", "will
    // also host"); an auxiliary followed by anything else is the main verb
    // ("is the capital", "has two ports").
    for (int32_t k = i; k < n && k < i + 5; ++k) {
      const Token& t = a_->tokens[static_cast<size_t>(k)];
      if (t.pos == Pos::kAdv || t.pos == Pos::kPart) continue;
      if (t.pos == Pos::kAux) {
        int32_t j = k + 1;
        while (j < n && (a_->tokens[static_cast<size_t>(j)].pos == Pos::kAdv ||
                         a_->tokens[static_cast<size_t>(j)].pos == Pos::kPart)) {
          ++j;
        }
        const bool verb_follows =
            j < n && (a_->tokens[static_cast<size_t>(j)].pos == Pos::kVerb ||
                      a_->tokens[static_cast<size_t>(j)].pos == Pos::kAux);
        if (!verb_follows) return false;
        continue;
      }
      if (t.pos != Pos::kVerb) return false;
      std::string w(TokText(k));
      for (char& c : w) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      return !IsPlaceVerb(w);
    }
    return false;
  }

  // Forms of the verbs a place is the subject of.
  static bool IsPlaceVerb(std::string_view w) {
    static constexpr std::string_view kForms[] = {
        "is", "was", "are", "were", "be", "been", "being", "'s", "has",
        "had", "have", "having", "lies", "lay", "lie", "lying", "sits", "sat",
        "sit", "stands", "stood", "stand", "hosts", "hosted", "host",
        "hosting", "boasts", "boasted", "boast", "offers", "offered",
        "offer", "becomes", "became", "become", "remains", "remained",
        "remain", "borders", "bordered", "border", "includes", "included",
        "include", "contains", "contained", "contain", "covers", "covered",
        "cover", "stretches", "stretched", "stretch", "attracts",
        "attracted", "attract", "grew", "grows", "located", "situated",
        "founded", "built", "known", "named", "flooded", "shaken",
        "damaged", "experiences", "experienced", "experience",
        "underwent", "undergoes", "undergo"};
    for (std::string_view f : kForms) {
      if (w == f) return true;
    }
    return false;
  }

  // Among candidates, prefer one in office at the date.
  int32_t Choose(const std::vector<uint32_t>& cands) const {
    if (cands.empty()) return -1;
    if (date_) {
      for (uint32_t c : cands) {
        if (kb_.actor(c).kind == ActorKind::kPerson &&
            kb_.InOfficeAt(c, *date_)) {
          return static_cast<int32_t>(c);
        }
      }
    }
    return static_cast<int32_t>(cands[0]);
  }

  // Resolves one surface form; sets kind/type on success.
  int32_t Resolve(std::string_view surface, const ByteSpan& span,
                  MentionKind* kind, EntityType* type) const {
    const std::string key = internal::NormalizeKey(surface);
    if (key.empty()) return -1;
    if (const auto* c = kb_.FindAlias(key)) {
      const int32_t ai = Choose(*c);
      const Actor& act = kb_.actor(ai);
      *kind = act.kind == ActorKind::kGovernment ? MentionKind::kMetonym
                                                 : MentionKind::kName;
      *type = act.type;
      return ai;
    }
    if (auto d = kb_.FindDemonym(key)) {
      *kind = MentionKind::kDemonym;
      *type = EntityType::kNorp;
      return static_cast<int32_t>(*d);
    }
    if (auto city = kb_.FindCapital(key)) {
      const int32_t last = TokenEndingAt(span.end);
      if (last >= 0 && ActsAsGovernment(last + 1)) {
        if (auto g = kb_.GovernmentOf(kb_.actor(*city).country)) {
          *kind = MentionKind::kMetonym;
          *type = EntityType::kOrg;
          return static_cast<int32_t>(*g);
        }
      }
      *kind = MentionKind::kName;
      *type = EntityType::kGpe;
      return static_cast<int32_t>(*city);
    }
    return -1;
  }

  void LinkByAlias(size_t i) {
    Mention& m = a_->mentions[i];
    MentionKind kind;
    EntityType type;
    const int32_t ai = Resolve(Surface(m.span), m.span, &kind, &type);
    if (ai >= 0) {
      links_[i].actor = ai;
      m.kind = kind;
      m.type = type;
      return;
    }
    // Hyphenated compounds: split when every part resolves ("Putin-Kim"
    // parts may resolve later as short forms, so accept name-like parts).
    std::string_view s = Surface(m.span);
    if (s.find('-') == std::string_view::npos) return;
    std::vector<ByteSpan> parts;
    uint32_t b = m.span.begin;
    for (uint32_t p = m.span.begin; p <= m.span.end; ++p) {
      if (p == m.span.end || text_[p] == '-') {
        if (p > b) parts.push_back({b, p});
        b = p + 1;
      }
    }
    if (parts.size() < 2) return;
    // "US-led coalition", "Iranian-backed militias", "Russian-held town": a
    // country or its demonym before a participle of leading, backing or
    // holding names that country as the group's side (the mention shrinks
    // to it). Not "Russian-made drones" (who made a thing is not who uses
    // it) nor "Soviet-era": such an adjective names no actor and is dropped.
    {
      static constexpr std::string_view kSide[] = {
          "led", "backed", "funded", "sponsored", "allied", "controlled",
          "held", "occupied", "run", "aligned", "brokered", "mediated",
          "supported", "armed", "trained", "installed", "based"};
      const ByteSpan& head = parts.front();
      const std::string_view tail = Surface(parts[1]);
      bool side = false;
      for (std::string_view w : kSide) side = side || tail == w;
      const char t0 = tail.empty() ? 'A' : tail[0];
      if (parts.size() == 2 && t0 >= 'a' && t0 <= 'z') {
        MentionKind k2;
        EntityType t2;
        const int32_t ai = Resolve(Surface(head), head, &k2, &t2);
        if (ai >= 0 && kb_.actor(ai).kind == ActorKind::kCountry) {
          if (side) {
            m.span = head;
            m.kind = k2;
            m.type = t2;
            links_[i].actor = ai;
          } else {
            links_[i].drop = true;  // "Russian-made", "Soviet-era": no actor
          }
        }
        return;
      }
    }
    int resolved = 0;
    for (const ByteSpan& ps : parts) {
      const char c0 = text_[ps.begin];
      if (c0 < 'A' || c0 > 'Z') return;  // "Jong-un": not a compound
      MentionKind k2;
      EntityType t2;
      std::string key = internal::NormalizeKey(Surface(ps));
      if (Resolve(Surface(ps), ps, &k2, &t2) >= 0 || kb_.FindShort(key)) {
        ++resolved;
      }
    }
    if (resolved == 0) return;
    links_[i].drop = true;
    const uint32_t sentence = m.sentence;  // `m` dies with the push_back
    for (const ByteSpan& ps : parts) {
      Mention nm;
      nm.span = ps;
      nm.sentence = sentence;
      nm.type = EntityType::kOther;
      Link l;
      MentionKind k2;
      EntityType t2;
      l.actor = Resolve(Surface(ps), ps, &k2, &t2);
      if (l.actor >= 0) {
        nm.kind = k2;
        nm.type = t2;
      }
      a_->mentions.push_back(nm);
      links_.push_back(l);
    }
  }

  static std::vector<std::string> Words(const std::string& key) {
    std::vector<std::string> w;
    size_t b = 0;
    while (b <= key.size()) {
      size_t e = key.find(' ', b);
      if (e == std::string::npos) e = key.size();
      if (e > b) w.push_back(key.substr(b, e - b));
      b = e + 1;
    }
    return w;
  }

  // Removes a leading honorific word ("mr", "dr") from a name of two or
  // more words; true when it did.
  static bool DropHonorific(std::vector<std::string>* words) {
    if (words->size() < 2) return false;
    for (std::string_view h : {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir",
                               "dame", "madam", "madame", "monsieur", "herr", "frau"}) {
      if ((*words)[0] == h) {
        words->erase(words->begin());
        return true;
      }
    }
    return false;
  }

  // Persons named in full in this document, computed once before the
  // short-form pass so that it costs O(mentions x distinct persons).
  void CollectPersons() {
    for (size_t j = 0; j < links_.size(); ++j) {
      const int32_t ai = links_[j].actor;
      if (links_[j].drop) continue;
      if (ai >= 0) {
        if (kb_.actor(ai).kind != ActorKind::kPerson) continue;
        if (std::find(kb_persons_.begin(), kb_persons_.end(), ai) !=
            kb_persons_.end()) {
          continue;
        }
        kb_persons_.push_back(ai);
        kb_person_words_.push_back(
            Words(internal::NormalizeKey(kb_.actor(ai).name)));
      } else if (a_->mentions[j].type == EntityType::kPerson) {
        std::vector<std::string> w =
            Words(internal::NormalizeKey(Surface(a_->mentions[j].span)));
        DropHonorific(&w);  // "Mr Okonkwo" names no one in full
        if (w.size() < 2) continue;
        bool seen = false;
        for (const auto& lp : local_persons_) seen = seen || lp.second == w;
        if (!seen) local_persons_.emplace_back(j, std::move(w));
      }
    }
  }

  void LinkShortForm(size_t i) {
    Mention& m = a_->mentions[i];
    std::string key = internal::NormalizeKey(Surface(m.span));
    std::vector<std::string> words = Words(key);
    // "Mr Putin", "Dr. Olsen": the honorific is not part of the short
    // form (the entity tagger keeps it in the span, as GUM's names do).
    if (DropHonorific(&words)) {
      key = words[0];
      for (size_t k = 1; k < words.size(); ++k) key += " " + words[k];
    }
    if (words.empty() || words.size() > 2) return;
    // a) a KB person named in this document.
    int32_t found = -1;
    for (size_t k = 0; k < kb_persons_.size(); ++k) {
      const Actor& p = kb_.actor(kb_persons_[k]);
      const bool hit =
          std::find(p.short_keys.begin(), p.short_keys.end(), key) !=
              p.short_keys.end() ||
          (words.size() == 1 && Contains(kb_person_words_[k], words[0]));
      if (hit) {
        found = kb_persons_[k];
        if (date_ && kb_.InOfficeAt(found, *date_)) break;
      }
    }
    if (found >= 0) {
      links_[i].actor = found;
      m.type = EntityType::kPerson;
      return;
    }
    // b) an unknown multi-word person named in this document.
    if (words.size() == 1) {
      for (const auto& [j, ow] : local_persons_) {
        if (j != i && Contains(ow, words[0])) {
          links_[i].same_as = static_cast<int32_t>(j);
          m.type = EntityType::kPerson;
          return;
        }
      }
    }
    // c) a KB surname, unique among those in office at the date.
    if (const auto* c = kb_.FindShort(key)) {
      int32_t pick = -1;
      int n = 0;
      for (uint32_t ai : *c) {
        if (date_ && !kb_.InOfficeAt(ai, *date_)) continue;
        pick = static_cast<int32_t>(ai);
        ++n;
      }
      if (!date_ && c->size() == 1) {
        pick = static_cast<int32_t>((*c)[0]);
        n = 1;
      }
      if (n == 1) {
        links_[i].actor = pick;
        m.type = EntityType::kPerson;
      }
    }
  }

  static bool Contains(const std::vector<std::string>& v,
                       const std::string& w) {
    return std::find(v.begin(), v.end(), w) != v.end();
  }

  // The country or organisation a resolved mention anchors roles to.
  int32_t AnchorOf(size_t mi) const {
    const int32_t ai = links_[mi].actor;
    if (ai < 0 || links_[mi].drop) return -1;
    const Actor& act = kb_.actor(ai);
    if (act.kind == ActorKind::kCountry || act.kind == ActorKind::kOrg)
      return ai;
    if (act.kind == ActorKind::kGovernment) {
      auto c = kb_.FindId(act.country);
      return c ? static_cast<int32_t>(*c) : -1;
    }
    return -1;
  }

  void FindRoles() {
    const int32_t ntok = static_cast<int32_t>(a_->tokens.size());
    std::map<int32_t, size_t> ends_at;    // last token -> mention
    std::map<int32_t, size_t> starts_at;  // first token -> mention
    const size_t nm = a_->mentions.size();
    for (size_t i = 0; i < nm; ++i) {
      if (links_[i].drop) continue;
      const int32_t f = TokenAt(a_->mentions[i].span.begin);
      const int32_t l = TokenEndingAt(a_->mentions[i].span.end);
      if (f >= 0) starts_at[f] = i;
      if (l >= 0) ends_at[l] = i;
    }
    for (int32_t i = 0; i < ntok; ++i) {
      for (int32_t len = 3; len >= 1; --len) {
        if (i + len > ntok) continue;
        const Token& first = a_->tokens[i];
        const Token& last = a_->tokens[i + len - 1];
        bool words_only = true;
        for (int32_t k = i; k < i + len; ++k) {
          if (a_->tokens[k].flags & kTokPunct) words_only = false;
        }
        if (!words_only) continue;
        const std::string role = internal::NormalizeKey(
            text_.substr(first.begin, last.end - first.begin));
        if (!kb_.IsRolePhrase(role)) continue;
        if (TryRole(i, i + len, role, ends_at, starts_at)) {
          i += len - 1;
          break;
        }
      }
    }
  }

  bool TryRole(int32_t rb, int32_t re, const std::string& role,
               const std::map<int32_t, size_t>& ends_at,
               const std::map<int32_t, size_t>& starts_at) {
    const int32_t ntok = static_cast<int32_t>(a_->tokens.size());
    int32_t anchor_mention = -1;
    int32_t span_first = rb;  // token range of the role mention
    int32_t span_last = re - 1;
    int32_t after = re;  // where a following name would start
    if (auto it = ends_at.find(rb - 1); it != ends_at.end()) {
      anchor_mention = static_cast<int32_t>(it->second);
    } else if (rb >= 2 && IsPossessive(rb - 1)) {
      if (auto it2 = ends_at.find(rb - 2); it2 != ends_at.end()) {
        anchor_mention = static_cast<int32_t>(it2->second);
      }
    }
    if (anchor_mention >= 0) {
      span_first = TokenAt(a_->mentions[anchor_mention].span.begin);
    } else if (re + 1 < ntok && TokText(re) == "of") {
      int32_t k = re + 1;
      if (k + 1 < ntok && (TokText(k) == "the" || TokText(k) == "The")) ++k;
      if (auto it = starts_at.find(k); it != starts_at.end()) {
        anchor_mention = static_cast<int32_t>(it->second);
        span_last = TokenEndingAt(a_->mentions[anchor_mention].span.end);
        after = span_last + 1;
      }
    }
    if (anchor_mention < 0) return false;
    const int32_t anchor = AnchorOf(static_cast<size_t>(anchor_mention));
    if (anchor < 0) return false;
    const std::vector<uint32_t> offices =
        kb_.OfficesFor(static_cast<uint32_t>(anchor), role);
    if (offices.empty()) return false;
    if (span_first > 0 && (TokText(span_first - 1) == "the" ||
                           TokText(span_first - 1) == "The")) {
      --span_first;
    }
    Mention rm;
    rm.span = {a_->tokens[span_first].begin, a_->tokens[span_last].end};
    rm.type = EntityType::kPerson;
    rm.kind = MentionKind::kRole;
    rm.sentence = a_->mentions[anchor_mention].sentence;
    Link rl;
    // A name right after the role ("Chinese President Xi Jinping").
    int32_t name_tok = after;
    if (name_tok < ntok && TokText(name_tok) == ",") ++name_tok;
    if (auto it = starts_at.find(name_tok); it != starts_at.end()) {
      const size_t nmi = it->second;
      if (links_[nmi].actor >= 0 &&
          kb_.actor(links_[nmi].actor).kind == ActorKind::kPerson) {
        rl.actor = links_[nmi].actor;
      } else if (links_[nmi].actor < 0 &&
                 a_->mentions[nmi].type == EntityType::kPerson) {
        rl.same_as = static_cast<int32_t>(nmi);
        // A person the KB does not know, named as a state's office holder
        // ("Freedonian President Jane Roe"), acts for its government.
        if (kb_.actor(anchor).kind == ActorKind::kCountry) {
          links_[nmi].code = kb_.actor(anchor).id + "GOV";
        }
      }
    }
    if (rl.actor < 0 && rl.same_as < 0) {
      if (!date_) return false;
      for (uint32_t oi : offices) {
        if (auto h = kb_.HolderAt(oi, *date_)) {
          rl.actor = static_cast<int32_t>(*h);
          break;
        }
      }
      if (rl.actor < 0) return false;
    }
    a_->mentions.push_back(rm);
    links_.push_back(rl);
    return true;
  }

  // "<country> <affiliation noun> [in X], <Name>": the unknown person gets
  // the country's GOV/MIL code and the phrase becomes a kRole mention.
  void FindAffiliations() {
    const int32_t ntok = static_cast<int32_t>(a_->tokens.size());
    std::map<int32_t, size_t> starts_at;
    for (size_t i = 0; i < a_->mentions.size(); ++i) {
      if (links_[i].drop) continue;
      const int32_t f = TokenAt(a_->mentions[i].span.begin);
      if (f >= 0) starts_at[f] = i;
    }
    const size_t n = a_->mentions.size();
    for (size_t i = 0; i < n; ++i) {
      const int32_t anchor = AnchorOf(i);
      if (anchor < 0 || kb_.actor(anchor).kind != ActorKind::kCountry) continue;
      int32_t t = TokenEndingAt(a_->mentions[i].span.end);
      if (t < 0) continue;
      ++t;
      if (t < ntok && IsPossessive(t)) ++t;
      std::string suffix;
      int32_t u = -1;
      for (int32_t len = 3; len >= 1 && u < 0; --len) {
        if (t + len > ntok) continue;
        const std::string phrase = internal::NormalizeKey(
            text_.substr(a_->tokens[t].begin,
                         a_->tokens[t + len - 1].end - a_->tokens[t].begin));
        for (std::string_view w : kGovernmentNouns) {
          if (phrase == w) suffix = "GOV";
        }
        for (std::string_view w : kMilitaryNouns) {
          if (phrase == w) suffix = "MIL";
        }
        if (!suffix.empty()) u = t + len;
      }
      if (u < 0) continue;
      // The name: right after the noun, or after a comma within 6 tokens.
      int32_t name = -1;
      for (int32_t k = u; k < ntok && k < u + 6; ++k) {
        const std::string_view w = TokText(k);
        if (w == "." || w == ";") break;
        auto it = starts_at.find(k);
        if (it == starts_at.end()) continue;
        if (k != u && TokText(k - 1) != ",") continue;
        if (a_->mentions[it->second].type == EntityType::kPerson &&
            links_[it->second].actor < 0) {
          name = static_cast<int32_t>(it->second);
        }
        break;
      }
      if (name < 0 || !links_[name].code.empty()) continue;  // a role did
      links_[name].code = kb_.actor(anchor).id + suffix;
      int32_t first = TokenAt(a_->mentions[i].span.begin);
      if (first > 0 &&
          (TokText(first - 1) == "the" || TokText(first - 1) == "The")) {
        --first;
      }
      Mention rm;
      rm.span = {a_->tokens[first].begin, a_->tokens[u - 1].end};
      rm.type = EntityType::kPerson;
      rm.kind = MentionKind::kRole;
      rm.sentence = a_->mentions[i].sentence;
      Link rl;
      rl.same_as = name;
      a_->mentions.push_back(rm);
      links_.push_back(rl);
    }
  }

  void BuildEntities() {
    std::vector<LocalEntity>& ents = a_->entities;
    ents.clear();
    std::map<std::string, int32_t> by_key;
    auto entity_for = [&](const std::string& key, const std::string& name,
                          EntityType type, const std::string& code) {
      auto it = by_key.find(key);
      if (it != by_key.end()) return it->second;
      LocalEntity e;
      e.key = key;
      e.name = name;
      e.type = type;
      e.code = code;
      ents.push_back(std::move(e));
      const int32_t idx = static_cast<int32_t>(ents.size() - 1);
      by_key.emplace(key, idx);
      return idx;
    };
    const size_t n = a_->mentions.size();
    std::vector<int32_t> ent(n, -1);
    // The countries the document names (a country, its government, a city
    // or person of it): a region's country must be one of them.
    std::vector<std::string_view> doc_countries;
    for (size_t i = 0; i < n; ++i) {
      if (links_[i].drop || links_[i].actor < 0) continue;
      const Actor& act = kb_.actor(links_[i].actor);
      const std::string_view c = act.kind == ActorKind::kCountry ? act.id : act.country;
      if (!c.empty() && std::find(doc_countries.begin(), doc_countries.end(), c) ==
                            doc_countries.end()) {
        doc_countries.push_back(c);
      }
    }
    // A place the KB does not know may be a first-level division of a
    // country the document names ("the Amur oblast" in a story about
    // Russia): it takes that country's code. Not otherwise: GeoNames has
    // divisions named like towns elsewhere or like common words.
    const auto region_code = [&](const Mention& m, const std::string& key) -> std::string {
      if (m.type != EntityType::kGpe && m.type != EntityType::kLoc) return {};
      const auto c = kb_.FindRegionCountry(key);
      if (!c) return {};
      const Actor& country = kb_.actor(*c);
      if (std::find(doc_countries.begin(), doc_countries.end(), country.id) ==
          doc_countries.end()) {
        return {};
      }
      return country.code;
    };
    // KB-linked and unknown mentions first; same_as links after.
    for (size_t i = 0; i < n; ++i) {
      if (links_[i].drop || links_[i].same_as >= 0) continue;
      const Mention& m = a_->mentions[i];
      if (links_[i].actor >= 0) {
        const Actor& act = kb_.actor(links_[i].actor);
        ent[i] = entity_for("kb:" + act.id, act.name, act.type, act.code);
      } else {
        const std::string key = internal::NormalizeKey(Surface(m.span));
        if (key.empty()) continue;
        std::string code = InstitutionCode(key);
        if (code.empty()) code = region_code(m, key);
        ent[i] = entity_for(
            "name:" + std::string(EntityTypeName(m.type)) + ":" + key,
            std::string(Surface(m.span)), m.type, std::move(code));
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (links_[i].drop || links_[i].same_as < 0) continue;
      int32_t j = links_[i].same_as;
      for (int hops = 0; hops < 4 && j >= 0 && ent[j] < 0; ++hops) {
        j = links_[j].same_as;
      }
      if (j >= 0) ent[i] = ent[j];
    }
    // Affiliation codes of unknown persons.
    for (size_t i = 0; i < n; ++i) {
      if (ent[i] < 0 || links_[i].code.empty() || links_[i].actor >= 0)
        continue;
      LocalEntity& e = ents[ent[i]];
      if (e.code.empty() && e.key.rfind("name:", 0) == 0)
        e.code = links_[i].code;
    }
    // Write back: drop replaced mentions, keep document order.
    std::vector<Mention> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      if (links_[i].drop) continue;
      Mention m = a_->mentions[i];
      m.entity = ent[i];
      if (ent[i] >= 0) {
        LocalEntity& e = ents[ent[i]];
        const std::string surface(Surface(m.span));
        if (std::find(e.aliases.begin(), e.aliases.end(), surface) ==
            e.aliases.end()) {
          e.aliases.push_back(surface);
        }
      }
      out.push_back(m);
    }
    AddPronouns(&out);
    std::stable_sort(out.begin(), out.end(),
                     [](const Mention& x, const Mention& y) {
                       return x.span.begin < y.span.begin;
                     });
    a_->mentions = std::move(out);
  }

  // "Russian Defense Ministry", "Ukrainian army": a country (by demonym or
  // name) followed by a state institution gets <ISO3>GOV or <ISO3>MIL.
  std::string InstitutionCode(const std::string& key) const {
    const std::vector<std::string> w = Words(key);
    for (size_t n = 1; n <= 2 && n < w.size(); ++n) {
      std::string head = w[0];
      for (size_t k = 1; k < n; ++k) head += " " + w[k];
      int32_t country = -1;
      if (auto d = kb_.FindDemonym(head)) {
        country = static_cast<int32_t>(*d);
      } else if (const auto* c = kb_.FindAlias(head)) {
        if (kb_.actor((*c)[0]).kind == ActorKind::kCountry) {
          country = static_cast<int32_t>((*c)[0]);
        }
      }
      if (country < 0) continue;
      std::string suffix;
      for (size_t k = n; k < w.size(); ++k) {
        for (std::string_view mil : kMilitaryInstitutions) {
          if (w[k] == mil) suffix = "MIL";
        }
        if (!suffix.empty()) break;
        for (std::string_view gov : kGovernmentInstitutions) {
          if (w[k] == gov) suffix = "GOV";
        }
      }
      if (!suffix.empty()) return kb_.actor(country).id + suffix;
    }
    return "";
  }

  // "he"/"she"/"his"/"her" link to a person only when exactly one person
  // entity is named in this or the previous sentence before the pronoun:
  // no gender or syntax is known yet, so ambiguity means no link.
  void AddPronouns(std::vector<Mention>* out) const {
    std::vector<std::pair<uint32_t, int32_t>> persons;  // (begin, entity)
    for (const Mention& m : *out) {
      if (m.entity >= 0 && a_->entities[m.entity].type == EntityType::kPerson) {
        persons.emplace_back(m.span.begin, m.entity);
      }
    }
    std::sort(persons.begin(), persons.end());
    for (uint32_t si = 0; si < a_->sentences.size(); ++si) {
      const Sentence& s = a_->sentences[si];
      const uint32_t window = a_->sentences[si > 0 ? si - 1 : 0].span.begin;
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        const std::string_view w = TokText(static_cast<int32_t>(t));
        if (w != "he" && w != "He" && w != "she" && w != "She" && w != "his" &&
            w != "His" && w != "him" && w != "her" && w != "Her") {
          continue;
        }
        const uint32_t b = a_->tokens[t].begin;
        auto lo = std::lower_bound(persons.begin(), persons.end(),
                                   std::make_pair(window, INT32_MIN));
        int32_t only = -1;
        bool ambiguous = false;
        for (auto it = lo; it != persons.end() && it->first < b; ++it) {
          if (only >= 0 && it->second != only) ambiguous = true;
          only = it->second;
        }
        if (only < 0 || ambiguous) continue;
        Mention pm;
        pm.span = {b, a_->tokens[t].end};
        pm.type = EntityType::kPerson;
        pm.kind = MentionKind::kPronoun;
        pm.sentence = si;
        pm.entity = only;
        out->push_back(pm);
      }
    }
  }

  const ActorKb& kb_;
  const std::optional<civil::Date>& date_;
  DocAnalysis* a_;
  std::string_view text_;
  std::vector<Link> links_;
  std::vector<int32_t> kb_persons_;  // distinct KB persons named in full
  std::vector<std::vector<std::string>> kb_person_words_;  // their name words
  // (mention, name words) of distinct unknown multi-word persons
  std::vector<std::pair<size_t, std::vector<std::string>>> local_persons_;
};

}  // namespace

Result<std::shared_ptr<const ActorKb>> LoadActorKb(
    Env* env, const ActorOptions& options) {
  SYN_ASSIGN_OR_RETURN(
      std::string iso,
      env->ReadFile(options.iso_codes_dir + "/iso_3166-1.json", kMaxKbBytes));
  SYN_ASSIGN_OR_RETURN(
      std::string tsv,
      env->ReadFile(options.models_dir + "/actors_kb.tsv", kMaxKbBytes));
  // The built country table is optional: without it the KB knows the
  // countries of iso-codes and of actors_kb.tsv only.
  std::string countries;
  const std::string countries_path = options.models_dir + "/actors_countries.tsv";
  if (env->Exists(countries_path)) {
    SYN_ASSIGN_OR_RETURN(countries, env->ReadFile(countries_path, kMaxKbBytes));
    if (countries.rfind("# synoptic actors_countries v1 ", 0) != 0 &&
        countries.rfind("# synoptic actors_countries v2 ", 0) != 0) {
      return NotSupported(countries_path + ": not an actors_countries v1/v2 table");
    }
  }
  SYN_ASSIGN_OR_RETURN(ActorKb kb, ActorKb::Build(iso, tsv, countries));
  // The built table's self-check: its first country is found by its name.
  if (const size_t row = countries.find("\ncountry\t"); row != std::string::npos) {
    const size_t b = row + 9;
    const size_t t1 = countries.find('\t', b);
    const size_t t2 = t1 == std::string::npos ? t1 : countries.find('\t', t1 + 1);
    bool found = false;
    if (t2 != std::string::npos) {
      const std::string code = countries.substr(b, t1 - b);
      const auto* hits =
          kb.FindAlias(internal::NormalizeKey(countries.substr(t1 + 1, t2 - t1 - 1)));
      for (size_t k = 0; hits != nullptr && k < hits->size(); ++k) {
        found = found || kb.actor((*hits)[k]).id == code;
      }
    }
    if (!found) return Corrupt(countries_path + ": self-check failed");
  }
  // Self-check: the KB must answer a few facts it is built to know.
  const auto* rus = kb.FindAlias(internal::NormalizeKey("Russia"));
  if (rus == nullptr || kb.actor((*rus)[0]).code != "RUS" ||
      !kb.FindDemonym(internal::NormalizeKey("North Korean"))) {
    return Corrupt("actor KB self-check failed");
  }
  return std::shared_ptr<const ActorKb>(
      std::make_shared<const ActorKb>(std::move(kb)));
}

void ResolveActors(const ActorKb& kb, const std::optional<civil::Date>& date,
                   DocAnalysis* analysis) {
  Resolver(kb, date, analysis).Run();
}

std::vector<std::string> KbKeysForName(const ActorKb& kb,
                                       std::string_view name) {
  const std::string key = internal::NormalizeKey(name);
  std::vector<std::string> out;
  const auto add = [&](uint32_t a) {
    std::string k = "kb:" + kb.actor(a).id;
    if (std::find(out.begin(), out.end(), k) == out.end()) {
      out.push_back(std::move(k));
    }
  };
  if (const std::vector<uint32_t>* hits = kb.FindAlias(key)) {
    for (uint32_t a : *hits) add(a);
  }
  if (const auto city = kb.FindCapital(key)) add(*city);
  return out;
}

}  // namespace synoptic::actors
