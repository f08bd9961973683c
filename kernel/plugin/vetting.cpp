#include "vetting.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <iostream>

namespace trellis::plugin {
namespace {

constexpr char kCameBack = 'k';

std::string ended(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = ::strsignal(sig);
    return "crashed (signal " + std::to_string(sig) + (name ? std::string(", ") + name : std::string()) + ") while loading";
  }
  if (WIFEXITED(status))
    return "ended the process (exit status " + std::to_string(WEXITSTATUS(status)) + ") while loading";
  return "stopped while loading";
}

}  // namespace

std::string vet_in_child(const std::function<void()>& attempt, std::chrono::seconds limit) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return "cannot be vetted: " + std::string(std::strerror(errno));
  std::cout.flush();
  std::cerr.flush();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return "cannot be vetted: " + std::string(std::strerror(errno));
  }
  if (pid == 0) {
    ::close(fds[0]);
    if (const int null = ::open("/dev/null", O_WRONLY); null >= 0) ::dup2(null, STDOUT_FILENO);
    try {
      attempt();
    } catch (...) {
      // A refusal the host gives again when it loads the plugin itself.
    }
    const char k = kCameBack;
    [[maybe_unused]] const ssize_t n = ::write(fds[1], &k, 1);
    ::_exit(0);  // no destructors, no atexit: the child only had to come back
  }
  ::close(fds[1]);
  pollfd p{fds[0], POLLIN, 0};
  const int ready = ::poll(&p, 1, static_cast<int>(std::chrono::milliseconds(limit).count()));
  char got = 0;
  const bool came_back = ready > 0 && ::read(fds[0], &got, 1) == 1 && got == kCameBack;
  ::close(fds[0]);
  if (ready == 0) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (came_back) return "";
  if (ready == 0)
    return "did not finish loading within " + std::to_string(limit.count()) + " s (a loop in its constructor?)";
  return ended(status);
}

}  // namespace trellis::plugin
