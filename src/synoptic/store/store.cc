// PLACEHOLDER
#include "synoptic/store/store.h"
namespace synoptic::store {
struct Store::Impl {};
Store::Store() = default;
Store::~Store() = default;
Result<std::unique_ptr<Store>> Store::Open(const std::string&) { return NotSupported("todo"); }
}  // namespace synoptic::store
