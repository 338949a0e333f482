// `rulebook check --policy P.yaml CASE.yaml [SECTION=FILE.csv…]`: judge a case, print the verdict.
#include "options.hpp"

#include "../read_calendar.hpp"

#include <rulebook/engine.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <streambuf>

namespace rulebook::cli {
namespace {

// Progress on stderr while a big case is read, judged and written: one line, rewritten in place,
// at most a few times a second. Only on a terminal, and never with --quiet: a log stays clean.
class progress_line {
 public:
  explicit progress_line(bool on) : on_(on) {}
  progress_line(const progress_line&) = delete;
  auto operator=(const progress_line&) -> progress_line& = delete;
  ~progress_line() { clear(); }

  void show(const std::string& text, bool now = false) {
    if (!on_) return;
    const auto t = std::chrono::steady_clock::now();
    if (!now && t - last_ < std::chrono::milliseconds(200)) return;
    last_ = t;
    std::fprintf(stderr, "\r\033[K%s", text.c_str());
    std::fflush(stderr);
    shown_ = true;
  }
  void clear() {
    if (!on_ || !shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
  }
  [[nodiscard]] auto on() const -> bool { return on_; }

 private:
  bool on_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

auto megabytes(std::size_t bytes) -> std::string {
  char out[32];
  std::snprintf(out, sizeof out, "%.0f MB", static_cast<double>(bytes) / 1e6);
  return out;
}

// Passes output on to `to`, counting it, and tells the progress line every few megabytes.
class counting_buffer : public std::streambuf {
 public:
  counting_buffer(std::streambuf* to, progress_line& line) : to_(to), line_(&line) {}

 protected:
  auto overflow(int_type c) -> int_type override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    count(1);
    return to_->sputc(traits_type::to_char_type(c));
  }
  auto xsputn(const char* s, std::streamsize n) -> std::streamsize override {
    count(static_cast<std::size_t>(n));
    return to_->sputn(s, n);
  }
  auto sync() -> int override { return to_->pubsync(); }

 private:
  void count(std::size_t n) {
    written_ += n;
    if (written_ - told_ >= (std::size_t{4} << 20)) {
      told_ = written_;
      line_->show("writing the verdict: " + megabytes(written_));
    }
  }
  std::streambuf* to_;
  progress_line* line_;
  std::size_t written_ = 0, told_ = 0;
};

}  // namespace

auto run_check(const options& o) -> int {
  if (o.files.size() > 1 || (o.files.empty() && o.lists.empty())) {
    std::cerr << "rulebook check: give exactly one case file, or lists as SECTION=FILE.csv\n";
    return exit_bad_input;
  }
  std::vector<load_issue> issues;
  const auto p = load_policy(o.policies, issues, o.lang);
  if (!issues.empty()) {
    print_issues(issues, o.lang);
    return exit_bad_input;
  }
  if (!has_rules(p, o.policies, o.lang)) return exit_bad_input;
  progress_line line(!o.quiet && isatty(STDERR_FILENO) != 0);
  const auto reading = [&](const std::string& file, std::size_t done, std::size_t total) {
    if (total == 0) return line.show("reading " + file + "…", true);
    line.show("reading " + file + ": " + megabytes(done) + " of " + megabytes(total) + " (" +
              std::to_string(done * 100 / total) + "%)");
  };
  // Lists given as `shifts=roster.csv` replace the case's own, or make the case without a case file.
  const auto c = load_case(o.files.empty() ? std::string() : o.files.front(), o.lists, p, issues,
                           line.on() ? load_progress(reading) : load_progress(), o.lang);
  line.clear();
  if (!issues.empty()) {
    print_issues(issues, o.lang);
    return exit_bad_input;
  }
  // Days past the policy's calendars would be judged as if they had no holidays: say so, and
  // with --strict, judge nothing. The verdict's format (CONTRACT §3) has no place for it.
  if (auto gap = detail::uncovered_calendar_years(p, c, o.lang)) {
    if (!o.strict) gap->message = (o.lang == lang::zh ? "警告：" : "warning: ") + gap->message;
    print_issues({*gap}, o.lang);
    if (o.strict) return exit_bad_input;
  }
  line.show("judging " + std::to_string(c.shifts.size()) + " shifts of " + std::to_string(c.people.size()) +
                " people and " + std::to_string(c.requests.size()) + " requests…",
            true);
  const auto v = judge(p, c, {.threads = o.threads});
  // A verdict written to the terminal the progress is on would be mixed with it: the line goes
  // before the verdict does, and counts what is written only when it goes elsewhere.
  const bool out_on_terminal = isatty(STDOUT_FILENO) != 0;
  const bool count_writing = line.on() && !out_on_terminal;
  if (count_writing) {
    line.show("writing the verdict…", true);
  } else {
    line.clear();
  }
  counting_buffer counted(std::cout.rdbuf(), line);
  std::ostream out(count_writing ? &counted : std::cout.rdbuf());
  // --format: json (the default off a terminal), text (on one), html (the month view) or csv.
  const std::string format = o.format ? *o.format : out_on_terminal ? "text" : "json";
  const write_options how{.lang = o.lang, .clauses = o.clauses, .explain = o.explain};
  if (format == "text") {
    write_text(out, v, c, how);
  } else if (format == "html") {
    write_html(out, v, c, how);
  } else if (format == "csv") {
    write_csv(out, v, c, how);
  } else {
    write_json(out, v, c, how);
  }
  out.flush();
  line.clear();
  return v.has_breach() ? exit_breach : exit_ok;
}

auto run_lint(const options& o) -> int {
  if (!o.files.empty()) {
    std::cerr << "rulebook lint: takes no case file, only --policy\n";
    return exit_bad_input;
  }
  std::vector<load_issue> issues;
  const auto p = load_policy(o.policies, issues, o.lang);
  if (!issues.empty()) {
    print_issues(issues, o.lang);
    return exit_bad_input;
  }
  const bool zh = o.lang == lang::zh;
  const auto warnings = lint_policy(p, o.lang);
  print_issues(warnings, o.lang);
  if (zh) {
    std::cout << p.title(lang::zh) << "：" << p.rules().size() << "条规则，" << p.calendar().holiday_count()
              << "天节假日，有效" << (warnings.empty() ? "" : "，但有警告") << "\n";
    return exit_ok;
  }
  std::cout << p.name() << ": " << p.rules().size() << " rules, " << p.calendar().holiday_count()
            << " holiday days, valid" << (warnings.empty() ? "" : ", with warnings") << "\n";
  return exit_ok;
}

}  // namespace rulebook::cli
