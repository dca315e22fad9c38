// Candidate name mentions: maximal runs of name-like tokens in a sentence.
//
// A run may bridge "of"/"for" (+ "the") after an organisation or place head
// ("Ministry of Defence", "Republic of Korea"), lowercase name particles
// ("bin", "von", "al"), "'s" before an organisation head ("People's
// Republic") and "&". Title words split a run when a name follows them
// ("Chinese | President | Xi Jinping") and then mark the rest as a person;
// they do not split when an organisation head follows ("General Assembly").
// Sentence-initial and headline words are names only if the tagger made them
// PROPN, so "The", "Firstly" and "Related" never start a mention. The type
// is a guess from cue words around the run; the actors stage refines it
// with the knowledge base.
#include "synoptic/nlp/internal/nlp_internal.h"

namespace synoptic::nlp::internal {
namespace {

class MentionFinder {
 public:
  MentionFinder(const NlpModel& model, DocAnalysis* a)
      : model_(model), a_(a), text_(a->doc.text) {}

  void Run() {
    a_->mentions.reserve(a_->tokens.size() / 8 + 4);
    for (uint32_t si = 0; si < a_->sentences.size(); ++si) {
      const Sentence& s = a_->sentences[si];
      if (IsHeadlineSentence(model_, *a_, s) && AllCapsSentence(s)) continue;
      FindInSentence(si, s);
    }
  }

 private:
  std::string_view Text(uint32_t i) const {
    const Token& t = a_->tokens[i];
    return text_.substr(t.begin, t.end - t.begin);
  }
  std::string_view Lower(uint32_t i) {
    return LowerInto(Text(i), buf_, sizeof(buf_));
  }
  uint16_t Cues(uint32_t i) {
    std::string_view lw = Lower(i);
    if (lw.empty()) return 0;
    // "U.S." and "Sept." are stored without their period.
    if (lw.size() > 1 && lw.back() == '.') lw.remove_suffix(1);
    const LexEntry* e = model_.Find(lw);
    return e == nullptr ? 0 : e->cues;
  }
  bool AllCapsSentence(const Sentence& s) const {
    int words = 0, caps = 0;
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = a_->tokens[i];
      if (t.flags & (kTokPunct | kTokDigit)) continue;
      ++words;
      if (t.flags & kTokAllCaps) ++caps;
    }
    return words >= 3 && caps * 10 >= words * 6;
  }
  bool IsPossessive(uint32_t i) const {
    std::string_view w = Text(i);
    return w == "'s" || w == "\xE2\x80\x99s";
  }
  // "al-Assad", "el-Sisi": lowercase particle glued to a capitalised name.
  bool IsParticleName(uint32_t i) const {
    std::string_view w = Text(i);
    for (std::string_view p : {"al-", "el-", "bin-", "ibn-"}) {
      if (w.size() > p.size() + 1 && w.substr(0, p.size()) == p) {
        const char c = w[p.size()];
        return c >= 'A' && c <= 'Z';
      }
    }
    return false;
  }
  bool IsNameToken(uint32_t i) {
    const Token& t = a_->tokens[i];
    if (t.flags & (kTokPunct | kTokDigit)) return false;
    if (IsParticleName(i)) return true;
    if (!(t.flags & kTokCapitalized)) return false;
    if (t.pos != Pos::kPropn) return false;
    const uint16_t c = Cues(i);
    return (c & (kCueWeekday | kCueJunk)) == 0;
  }

  void FindInSentence(uint32_t si, const Sentence& s) {
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (!IsNameToken(i) || (Cues(i) & kCueMonth)) continue;
      uint32_t j = i + 1;
      while (j < s.end_token) {
        if (IsNameToken(j)) {
          ++j;
          continue;
        }
        if (j + 1 >= s.end_token) break;
        const uint16_t prev = Cues(j - 1);
        const std::string_view lw = Lower(j);  // valid until the next Lower
        const bool of_for = lw == "of" || lw == "for";
        if (of_for && (prev & (kCueOrg | kCueGpe | kCueLoc))) {
          uint32_t k = j + 1;
          if (k + 1 < s.end_token && Lower(k) == "the") ++k;
          if (IsNameToken(k)) {
            j = k + 1;
            continue;
          }
          break;
        }
        if ((Cues(j) & kCueParticle) &&
            !(a_->tokens[j].flags & kTokCapitalized) && IsNameToken(j + 1)) {
          j += 2;
          continue;
        }
        if (IsPossessive(j) && IsNameToken(j + 1) &&
            (Cues(j + 1) & (kCueOrg | kCueGpe))) {
          j += 2;
          continue;
        }
        if (Text(j) == "&" && IsNameToken(j + 1)) {
          j += 2;
          continue;
        }
        break;
      }
      SplitRun(si, s, i, j);
      i = j - 1;
    }
  }

  // Splits [b, e) at title words that introduce a name and emits the parts.
  void SplitRun(uint32_t si, const Sentence& s, uint32_t b, uint32_t e) {
    bool person = b > s.first_token && (Cues(b - 1) & kCueTitle) &&
                  !(a_->tokens[b - 1].flags & kTokCapitalized);
    uint32_t seg = b;
    for (uint32_t p = b; p < e; ++p) {
      if (!(Cues(p) & kCueTitle)) continue;
      uint32_t q = p;
      while (q < e && (Cues(q) & kCueTitle)) ++q;
      bool head_follows = false;
      for (uint32_t r = q; r < e; ++r) {
        if (Cues(r) & (kCueOrg | kCueGpe | kCueLoc)) head_follows = true;
      }
      if (head_follows) break;
      Emit(si, s, seg, p, person);
      seg = q;
      person = q < e;
      p = q - 1;
    }
    Emit(si, s, seg, e, person);
  }

  void Emit(uint32_t si, const Sentence& s, uint32_t b, uint32_t e,
            bool person) {
    while (b < e && (Cues(b) & kCueMonth)) ++b;
    if (b >= e) return;
    if (e - b == 1 &&
        (Cues(b) & (kCueTitle | kCueOrg | kCueGpe | kCueLoc | kCueMonth))) {
      return;  // a bare head word ("News", "Council") is not a name
    }
    Mention m;
    m.span = {a_->tokens[b].begin, a_->tokens[e - 1].end};
    m.sentence = si;
    m.type = GuessType(s, b, e, person);
    a_->mentions.push_back(m);
  }

  EntityType GuessType(const Sentence& s, uint32_t b, uint32_t e, bool person) {
    if (person) return EntityType::kPerson;
    const uint16_t last = Cues(e - 1);
    if (last & kCueOrg) return EntityType::kOrg;
    if (last & kCueGpe) return EntityType::kGpe;
    if (last & kCueLoc) return EntityType::kLoc;
    for (uint32_t i = b; i + 1 < e; ++i) {
      std::string_view nx = Lower(i + 1);
      if (nx != "of" && nx != "for") continue;
      const uint16_t c = Cues(i);
      if (c & kCueOrg) return EntityType::kOrg;
      if (c & kCueGpe) return EntityType::kGpe;
      if (c & kCueLoc) return EntityType::kLoc;
    }
    const bool has_next = e < s.end_token;
    // Adjectival use of a demonym ("North Korean leader", "Russian city").
    const bool adjectival =
        has_next && !(a_->tokens[e].flags & kTokPunct) &&
        (!(a_->tokens[e].flags & kTokCapitalized) || (Cues(e) & kCueTitle));
    if (adjectival && e - b <= 2) {
      const std::string_view w = Lower(e - 1);  // valid until the next Lower
      for (std::string_view suf : {"an", "ese", "ish", "i"}) {
        if (w.size() >= 5 && w.substr(w.size() - suf.size()) == suf) {
          return EntityType::kNorp;
        }
      }
    }
    if (has_next && !(a_->tokens[e].flags & kTokCapitalized)) {
      const uint16_t nc = Cues(e);
      if (nc & kCueGpe) return EntityType::kGpe;  // "Amur oblast"
      if (nc & kCueLoc) return EntityType::kLoc;
    }
    if (e - b == 1) {
      const Token& t = a_->tokens[b];
      if (t.flags & kTokAllCaps) return EntityType::kOrg;
      const std::string_view w = Lower(b);  // valid until the next Lower
      if (w.size() >= 6 && w.substr(w.size() - 3) == "ans") {
        return EntityType::kNorp;  // "Russians", "Americans"
      }
      if (b > s.first_token) {
        std::string_view pw = Lower(b - 1);
        for (std::string_view p :
             {"in", "at", "from", "to", "near", "across", "into", "toward",
              "towards", "visit", "visited"}) {
          if (pw == p) return EntityType::kGpe;
        }
      }
      return EntityType::kOther;
    }
    if (e - b <= 4) {
      for (uint32_t i = b; i < e; ++i) {
        if (a_->tokens[i].flags & kTokAllCaps) return EntityType::kOther;
      }
      // A name whose head names a happening ("Cold War", "Korean War",
      // "G20 Summit", "World Cup") is an event, not a person.
      const std::string_view head = Lower(e - 1);  // valid until next Lower
      for (std::string_view h :
           {"war", "wars", "revolution", "uprising", "massacre", "genocide",
            "olympics", "summit", "championships", "cup", "crisis"}) {
        if (head == h) return EntityType::kEvent;
      }
      return EntityType::kPerson;
    }
    return EntityType::kOther;
  }

  const NlpModel& model_;
  DocAnalysis* a_;
  std::string_view text_;
  char buf_[64];
};

}  // namespace

void FindMentions(const NlpModel& model, DocAnalysis* a) {
  MentionFinder(model, a).Run();
}

}  // namespace synoptic::nlp::internal
