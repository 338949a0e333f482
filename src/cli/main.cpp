// The `rulebook` command (CONTRACT §4).
#include "options.hpp"

#include <rulebook/version.h>

#include <exception>
#include <string_view>

namespace {

constexpr const char* usage =
    "usage: rulebook check --policy P.yaml [--policy MORE.yaml] CASE.yaml [--format json|text] [--lang en|zh] "
    "[--explain] [--clauses] [--strict] [--threads N] [--quiet]\n"
    "       rulebook check --policy P.yaml [CASE.yaml] SECTION=FILE.csv... [--encoding utf-8|gb18030|gbk] [...]\n"
    "       rulebook lint --policy P.yaml [--policy MORE.yaml]\n"
    "       rulebook test --policy P.yaml TESTS.yaml... [--junit FILE]\n"
    "       rulebook diff --policy OLD.yaml --against NEW.yaml CASE.yaml|DIR... [--format json|text] [--lang en|zh]\n";

}  // namespace

auto main(int argc, char** argv) -> int {
  using namespace rulebook::cli;
  if (argc < 2) {
    std::cerr << usage;
    return exit_bad_input;
  }
  const std::string_view command = argv[1];
  if (command == "--version" || command == "version") {
    std::cout << "rulebook " << RULEBOOK_VERSION_STRING << "\n";
    return exit_ok;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << usage;
    return exit_ok;
  }
  if (command != "check" && command != "lint" && command != "test" && command != "diff") {
    std::cerr << "rulebook: unknown command `" << command << "`\n" << usage;
    return exit_bad_input;
  }
  try {
    const auto o = parse_options(argc, argv, 2);
    if (!o) {
      std::cerr << usage;
      return exit_bad_input;
    }
    if (command != "check" && (!o->lists.empty() || o->encoding)) {
      std::cerr << "rulebook " << command << ": lists as SECTION=FILE.csv and --encoding are for `check`\n" << usage;
      return exit_bad_input;
    }
    if (command == "check") return run_check(*o);
    if (command == "lint") return run_lint(*o);
    if (command == "test") return run_test(*o);
    return run_diff(*o);
  } catch (const std::exception& e) {
    // Bad content never gets here (it comes back as issues); this is a bug or an exhausted machine.
    std::cerr << "rulebook: internal error: " << e.what() << '\n';
    return exit_bad_input;
  }
}
