// The `rulebook` command (CONTRACT §4), its command line parsed by CLI11: each command takes only
// its own options (one it does not take is a usage error, exit 2), and each has `--help`.
#include "options.hpp"
#include "serve.hpp"

#include <rulebook/source.hpp>
#include <rulebook/version.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <exception>
#include <string_view>

namespace rulebook::cli {
namespace {

// `shifts=roster.csv`: a list of the case in a CSV file (a case file named so is `./shifts=…`).
auto as_list(const std::string& a) -> std::optional<section_file> {
  const auto eq = a.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  const bool name = std::all_of(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(eq),
                                [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; });
  if (!name) return std::nullopt;
  return section_file{a.substr(0, eq), a.substr(eq + 1)};
}

void add_policy(CLI::App& c, options& o, const char* what) {
  c.add_option("--policy,-p", o.policies, what)->required()->type_name("FILE|NAME")->allow_extra_args(false);
}

void add_lang(CLI::App& c, options& o, const std::string& what = "the language of messages and reports") {
  c.add_option("--lang", o.lang_name, what)->check(CLI::IsMember({"en", "zh"}))->type_name("en|zh")->take_last();
}

}  // namespace

// Builds the whole command line: the commands and what each takes, filling `o`.
void describe(CLI::App& app, options& o, serve_options& so) {
  app.description(
      "rulebook: a department's HR policies, loaded from YAML, judging schedules, attendance and requests.\n"
      "Exit status: 0 nothing worse than pending/late/warning; 1 a reject, violation or absenteeism "
      "(check), a failed test (test), a change (diff); 2 bad input or usage.");
  app.set_version_flag("--version,-V", std::string("rulebook ") + RULEBOOK_VERSION_STRING,
                       "print the version and exit");
  app.set_help_all_flag("--help-all", "every command's options");
  app.require_subcommand(1);
  app.fallthrough(false);

  auto* check = app.add_subcommand("check", "judge a case: a verdict as JSON, text, HTML or CSV");
  add_policy(*check, o, "a policy file or a shipped policy's name; again for more (a holiday calendar, an amendment)");
  check->add_option("case", o.files, "the case file (YAML or JSON), and lists of it in CSV files as SECTION=FILE.csv")
      ->type_name("CASE|SECTION=FILE.csv");
  check->add_option("--format,-f", o.format, "json (the default off a terminal), text, html (a month view) or csv")
      ->check(CLI::IsMember({"json", "text", "html", "csv"}))
      ->type_name("FORMAT")
      ->take_last();
  add_lang(*check, o);
  check->add_flag("--explain", o.explain, "every rule that applied, and what would satisfy it");
  check->add_flag("--clauses", o.clauses, "the rulebook's text of each finding's clause");
  check->add_flag("--strict", o.strict, "a case running past the policy's calendars is an error");
  check->add_flag("--quiet,-q", o.quiet, "no progress on stderr, even on a terminal");
  check->add_option("--threads", o.threads, "threads that judge (default: every core)")
      ->check(CLI::Range(1, 999))
      ->type_name("N")
      ->take_last();
  check->add_option("--encoding", o.encoding, "the encoding of the CSV lists")
      ->check(CLI::IsMember({"utf-8", "gb18030", "gbk"}))
      ->type_name("utf-8|gb18030|gbk")
      ->take_last();

  auto* lint = app.add_subcommand("lint", "check a policy without a case: errors, and warnings about rules");
  add_policy(*lint, o, "a policy file or a shipped policy's name; again for more");
  add_lang(*lint, o, "the language of the errors and warnings");

  auto* test = app.add_subcommand("test", "run policy test files: a case and the decisions and findings it must give");
  add_policy(*test, o, "a policy file or a shipped policy's name; again for more");
  test->add_option("tests", o.files, "policy test files")->required()->type_name("TESTS.yaml");
  test->add_option("--junit", o.junit, "also write the results as JUnit XML to FILE")->type_name("FILE")->take_last();
  test->add_option("--run,-r", o.run, "run only the tests whose name matches REGEX (ECMAScript, anywhere in the name)")
      ->type_name("REGEX")
      ->take_last();
  test->add_option("--threshold", o.threshold, "fail when fewer than N % of the policy's rules made a finding")
      ->check(CLI::Range(0, 100))
      ->type_name("N")
      ->take_last();
  add_lang(*test, o, "the language of the errors in policy and test files");

  auto* diff = app.add_subcommand("diff", "what a policy edit changes on cases: decisions and findings, by meaning");
  add_policy(*diff, o, "the policy as it is");
  diff->add_option("--against", o.against, "the policy as edited; again for more files")
      ->required()
      ->type_name("FILE|NAME")
      ->allow_extra_args(false);
  diff->add_option("cases", o.files, "case files, or folders of them")->required()->type_name("CASE|DIR");
  diff->add_option("--format,-f", o.format, "json (the default off a terminal) or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->type_name("json|text")
      ->take_last();
  add_lang(*diff, o);

  auto* serve = app.add_subcommand("serve", "a decision service: check, what-if and lint over HTTP/JSON");
  serve->footer(
      "POST /v1/check (a case, JSON or YAML), POST /v1/what-if ({case, request}), POST /v1/lint (a policy), "
      "GET /v1/policy, GET /healthz.\nSIGHUP reloads the policies (a policy with errors is refused; the old one "
      "keeps serving); SIGTERM answers the requests in flight and exits 0. One log line per request on stderr.");
  add_policy(*serve, o, "a policy file or a shipped policy's name; again for more");
  serve->add_option("--listen", so.listen, "where to listen (default 127.0.0.1:8181)")
      ->type_name("HOST:PORT")
      ->take_last();
  serve->add_option("--port", so.port, "the port, on the --listen host; 0 picks a free one")
      ->check(CLI::Range(0, 65535))
      ->type_name("N")
      ->take_last();
  serve->add_option("--threads", so.threads, "requests answered at once (default: every core)")
      ->check(CLI::Range(1, 1024))
      ->type_name("N")
      ->take_last();
  serve->add_option("--max-body", so.max_body, "the largest request body, 413 above it (default 16M; K, M, G)")
      ->type_name("BYTES")
      ->take_last();

  auto* help = app.add_subcommand("help", "help on the command line, or on one command");
  help->add_option("command", o.help_on, "the command")->type_name("COMMAND")->take_last();

  auto* completion = app.add_subcommand("completion", "print a bash completion script (installed with rulebook)");
  completion->group("");  // not listed: the install puts the script where bash finds it
}

// Prints the bash completion of every command and its options, from the same description `describe`
// gives: it cannot fall behind the command line.
void print_completion(const CLI::App& app) {
  std::string commands, cases;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands += sub->get_name() + " ";
    std::string flags = "--help ";
    for (const auto* opt : sub->get_options()) {
      for (const auto& l : opt->get_lnames()) flags += "--" + l + " ";
    }
    cases += "    " + sub->get_name() + ") opts=\"" + flags + "\" ;;\n";
  }
  std::cout
      << "# bash completion for rulebook " << RULEBOOK_VERSION_STRING << " (rulebook completion)\n"
      << "_rulebook() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opts\n"
      << "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
      << "    COMPREPLY=($(compgen -W \"" << commands << "--help --version\" -- \"$cur\")); return\n"
      << "  fi\n"
      << "  case $prev in\n"
      << "    --format|-f) COMPREPLY=($(compgen -W \"json text html csv\" -- \"$cur\")); return ;;\n"
      << "    --lang) COMPREPLY=($(compgen -W \"en zh\" -- \"$cur\")); return ;;\n"
      << "    --encoding) COMPREPLY=($(compgen -W \"utf-8 gb18030 gbk\" -- \"$cur\")); return ;;\n"
      << "  esac\n"
      << "  case ${COMP_WORDS[1]} in\n"
      << cases << "    *) opts=\"\" ;;\n"
      << "  esac\n"
      << "  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); else COMPREPLY=($(compgen -f -- \"$cur\")); fi\n"
      << "}\n"
      << "complete -o filenames -F _rulebook rulebook\n";
}

}  // namespace rulebook::cli

namespace {

auto run_command(int argc, char** argv) -> int {
  using namespace rulebook::cli;
  options o;
  serve_options so;
  CLI::App app{"", "rulebook"};
  describe(app, o, so);
  // A usage error names the command and where its help is.
  app.failure_message([](const CLI::App* a, const CLI::Error& e) {
    std::string where = "rulebook";
    for (const auto* sub : a->get_subcommands()) where += " " + sub->get_name();
    return where + ": " + e.what() + "\n(see `" + where + " --help`)\n";
  });
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
      names.push_back(sub->get_name());
    }
    if (std::find(names.begin(), names.end(), argv[1]) == names.end() && std::string_view(argv[1]) != "completion") {
      std::cerr << "rulebook: unknown command `" << argv[1] << "`" << rulebook::did_you_mean(argv[1], names)
                << "\n(see `rulebook help`)\n";
      return exit_bad_input;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are successes; anything else is a usage error (CONTRACT §4: exit 2).
    const int status = app.exit(e);
    return status == 0 ? exit_ok : exit_bad_input;
  }
  const auto* command = app.get_subcommands().front();
  const std::string name = command->get_name();
  try {
    if (name == "help") {
      // App::help() would describe the `help` command itself, which is the one parsed.
      if (o.help_on.empty()) {
        std::cout << app.get_formatter()->make_help(&app, "rulebook", CLI::AppFormatMode::Normal);
        return exit_ok;
      }
      std::cout << app.get_subcommand(o.help_on)->help("rulebook");
      return exit_ok;
    }
    if (name == "completion") {
      print_completion(app);
      return exit_ok;
    }
    if (name == "serve") {
      so.policies = o.policies;
      return run_serve(so);
    }
    o.lang = o.lang_name == "zh" ? rulebook::lang::zh : rulebook::lang::en;
    // Positional arguments of the form SECTION=FILE.csv are lists of the case.
    std::vector<std::string> files;
    for (auto& f : o.files) {
      if (auto l = as_list(f)) {
        o.lists.push_back(std::move(*l));
      } else {
        files.push_back(std::move(f));
      }
    }
    o.files = std::move(files);
    if (name != "check" && !o.lists.empty()) {
      std::cerr << "rulebook " << name << ": lists as SECTION=FILE.csv are for `check`\n";
      return exit_bad_input;
    }
    if (o.encoding) {
      if (o.lists.empty()) {
        std::cerr
            << "rulebook: --encoding is the encoding of the lists given as SECTION=FILE.csv, and there are none\n";
        return exit_bad_input;
      }
      for (auto& l : o.lists) l.encoding = *o.encoding;
    }
    if (name == "check") return run_check(o);
    if (name == "lint") return run_lint(o);
    if (name == "test") return run_test(o);
    return run_diff(o);
  } catch (const CLI::OptionNotFound&) {
    std::cerr << "rulebook help: no command `" << o.help_on << "`\n";
    return exit_bad_input;
  } catch (const std::exception& e) {
    // Bad content never gets here (it comes back as issues); this is a bug or an exhausted machine.
    std::cerr << "rulebook: internal error: " << e.what() << '\n';
    return exit_bad_input;
  }
}

}  // namespace

auto main(int argc, char** argv) -> int {
  try {
    return run_command(argc, argv);
  } catch (...) {
    // Describing the command line ran out of memory, or the like: never an uncaught exception.
    std::cerr << "rulebook: internal error\n";
    return rulebook::cli::exit_bad_input;
  }
}
