// PLACEHOLDER: replaced by the nlp implementation.
#include "synoptic/nlp/nlp.h"
namespace synoptic::nlp {
class NlpModel {};
Result<std::shared_ptr<const NlpModel>> LoadNlpModel(Env*, const NlpOptions&) { return std::shared_ptr<const NlpModel>(std::make_shared<NlpModel>()); }
void Annotate(const NlpModel&, const NlpOptions&, DocAnalysis*) {}
}  // namespace synoptic::nlp
