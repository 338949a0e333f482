// `rulebook serve`: the decision service, the judgements of `check` (and what-if questions, and
// lint) over HTTP/JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rulebook::cli {

/// `rulebook serve`'s options as given (src/cli/main.cpp describes them to CLI11).
struct serve_options {
  std::vector<std::string> policies;      ///< files or shipped names, merged
  std::string listen = "127.0.0.1:8181";  ///< HOST:PORT, [IPv6]:PORT or :PORT
  std::optional<int> port;                ///< overrides the port of `listen`; 0 picks a free one
  unsigned threads = 0;                   ///< requests answered at once; 0 for every core
  std::string max_body = "16M";           ///< the largest request body, in bytes (K, M, G allowed)
};

/// Runs the service until SIGTERM or SIGINT (then 0, once the requests in flight are answered);
/// 2 on a usage error or policies that do not load.
auto run_serve(const serve_options& given) -> int;

}  // namespace rulebook::cli
