// PLACEHOLDER: replaced by the stories implementation.
#include "synoptic/stories/stories.h"
namespace synoptic::stories {
StoryResult BuildStories(std::vector<DocAnalysis>* docs, const StoryOptions&) {
  StoryResult r; r.entity_map.resize(docs->size()); r.doc_cluster.assign(docs->size(), -1); return r;
}
}  // namespace synoptic::stories
