// A plugin that makes SDK 3.1's promise (TRELLIS_REGIME_CONCURRENT_ASSESS)
// and keeps it. It counts the threads it was called on and says how many when
// the process ends, on stderr, so that a test sees the host used several:
// each call waits a little, long enough for a second thread to take a school.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <set>
#include <thread>

#include "fixture_regime.hpp"

namespace {

using namespace trellis::sdk;

struct Threads {
  std::mutex guard;
  std::set<std::thread::id> seen;
  ~Threads() {
    if (!seen.empty()) std::fprintf(stderr, "fixture-concurrent: assessed on %zu threads\n", seen.size());
  }
};
Threads threads;

class Concurrent final : public fixture::FixtureRegime {
 protected:
  Status do_assess(const AssessmentRequest& in, AssessmentOut& out) const override {
    {
      std::lock_guard lock(threads.guard);
      threads.seen.insert(std::this_thread::get_id());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return FixtureRegime::do_assess(in, out);
  }
};

}  // namespace

TRELLIS_REGIME_PLUGIN(Concurrent, "fixture-concurrent", "1.0.0")
TRELLIS_REGIME_CONCURRENT_ASSESS
