#include "synoptic/serve/internal/fair_gate.h"

namespace synoptic::serve {

void FairGate::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  if (free_ > 0 && queue_.empty()) {
    --free_;
    return;
  }
  Waiter w;
  queue_.push_back(&w);
  w.cv.wait(lock, [&w] { return w.admitted; });
}

void FairGate::Release() {
  std::lock_guard<std::mutex> lock(mu_);
  if (queue_.empty()) {
    ++free_;
    return;
  }
  // The slot passes straight to the oldest waiter. It is notified under
  // the lock: once it sees `admitted` it may return and destroy its Waiter.
  Waiter* next = queue_.front();
  queue_.pop_front();
  next->admitted = true;
  next->cv.notify_one();
}

}  // namespace synoptic::serve
