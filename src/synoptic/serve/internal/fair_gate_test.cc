#include "synoptic/serve/internal/fair_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace synoptic::serve {
namespace {

TEST(FairGate, NeverMoreHoldersThanSlots) {
  FairGate gate(3);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        FairGate::Hold hold(&gate);
        const int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::yield();
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 2);  // it does let several in at once
}

TEST(FairGate, AdmitsWaitersInArrivalOrder) {
  FairGate gate(1);
  gate.Acquire();  // the slot is taken: everyone below queues
  std::mutex mu;
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      FairGate::Hold hold(&gate);
      std::lock_guard<std::mutex> lock(mu);
      order.push_back(t);
    });
    // Let thread t reach the queue before t + 1 starts.
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  gate.Release();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(FairGate, NullGateHoldsNothing) {
  FairGate::Hold hold(nullptr);  // must not block or crash
  SUCCEED();
}

}  // namespace
}  // namespace synoptic::serve
