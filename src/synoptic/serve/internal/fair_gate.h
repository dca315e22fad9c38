// A first-come-first-served counting semaphore for request handlers.
//
// The HTTP server keeps one thread per connection (cpp-httplib's model), so
// with hundreds of connections hundreds of handlers are runnable at once on
// a couple of cores. The kernel then time-slices them: a request that loses
// the processor half-way waits for every other runnable handler's turn,
// which is what stretches the 99th percentile far past the median. The
// gate lets at most `slots` handlers compute at once and admits the others
// in the order they arrived, so a request waits for the ones before it and
// then runs without being preempted by the ones after it.
//
// Release() wakes exactly the next waiter (no thundering herd). Thread-safe;
// must outlive every holder.
#ifndef SYNOPTIC_SERVE_INTERNAL_FAIR_GATE_H_
#define SYNOPTIC_SERVE_INTERNAL_FAIR_GATE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace synoptic::serve {

class FairGate {
 public:
  explicit FairGate(size_t slots) : free_(slots) {}
  FairGate(const FairGate&) = delete;
  FairGate& operator=(const FairGate&) = delete;

  void Acquire();
  void Release();

  // Holds a slot for its lifetime; a null gate holds nothing.
  class Hold {
   public:
    explicit Hold(FairGate* gate) : gate_(gate) {
      if (gate_) gate_->Acquire();
    }
    ~Hold() {
      if (gate_) gate_->Release();
    }
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;

   private:
    FairGate* gate_;
  };

 private:
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;
  };
  std::mutex mu_;
  size_t free_;
  std::deque<Waiter*> queue_;  // in arrival order
};

}  // namespace synoptic::serve

#endif  // SYNOPTIC_SERVE_INTERNAL_FAIR_GATE_H_
