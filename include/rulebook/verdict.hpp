// The result of a judgement: a decision per request and the conduct findings.
#pragma once

#include <rulebook/finding.hpp>
#include <rulebook/policy.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// The judgement of one request.
struct request_verdict {
  request_index request = no_index;  ///< index into `case_file::requests`
  /// The decision its findings lead to.
  rulebook::decision decision = decision::approved;
  std::vector<finding> findings;    ///< in policy rule order
  std::vector<criterion> criteria;  ///< criteria measured (a promotion's), in rule order
  /// The rules that judged it (policy positions, ascending): those whose kind, `when:` and shift
  /// conditions selected it and that no exception overrode.
  std::vector<std::uint32_t> judged_by;
};

/// One piece of evidence as text: ids for people and shifts, ISO dates and times.
[[nodiscard]] auto evidence_text(const evidence_value& ev, const case_file& c) -> std::string;

/// Everything a judgement found. Holds the policy it was judged by, so rules can render messages.
struct verdict {
  rulebook::policy policy;                                  ///< the policy it was judged by
  indexed_vector<request_index, request_verdict> requests;  ///< in input order
  std::vector<finding> findings;                            ///< conduct findings: by subject time, employee, clause

  /// How many requests got decision `d`.
  [[nodiscard]] auto count(decision d) const -> std::size_t {
    std::size_t n = 0;
    for (const auto& r : requests) n += r.decision == d ? 1 : 0;
    return n;
  }
  /// How many conduct findings have effect `e`.
  [[nodiscard]] auto count(effect e) const -> std::size_t {
    std::size_t n = 0;
    for (const auto& f : findings) n += f.effect == e ? 1 : 0;
    return n;
  }
  /// CONTRACT §4: some request rejected, or some violation or absenteeism.
  [[nodiscard]] auto has_breach() const -> bool {
    return count(decision::rejected) > 0 || count(effect::violation) > 0 || count(effect::absenteeism) > 0;
  }
  /// The rule that made `f` (include <rulebook/kind.hpp> to look inside one).
  [[nodiscard]] auto rule_of(const finding& f) const -> const rule& { return policy.rule_at(f.rule); }
  /// The id, clause and effect of the rule that made `f`.
  [[nodiscard]] auto header_of(const finding& f) const -> const rule_header& { return policy.header_at(f.rule); }
  /// `f`'s message, rendered now: the policy's own template for the language if it has one,
  /// else the rule kind's message.
  [[nodiscard]] auto message(const finding& f, const case_file& c, lang l = lang::en) const -> std::string;
};

/// How one rule came out for one request, for `--explain`.
struct rule_outcome {
  std::uint32_t rule = 0;  ///< the rule, by position in the policy
  /// Whether it judged the request: false when the shifts its `when:` names are not among those
  /// the request touches (a day shift for a night-shift rule), or an exception overrode it.
  bool applies = true;
  bool held = true;  ///< whether the request satisfied it (when it applies)
  /// The rule whose findings this one's gave way to (`instead_of:`), by position; then it does not
  /// apply either.
  std::optional<std::uint32_t> gave_way_to;
  std::vector<const finding*> findings;  ///< the rule's findings on the request (none when it held)
};

/// Every rule whose kind judges request `i` of `c` and whose `when:` matches its request, in policy
/// order: whether it applied (see `rule_outcome::applies`) and whether it held.
[[nodiscard]] auto explain(const verdict& v, const case_file& c, request_index i) -> std::vector<rule_outcome>;
/// The same for `rv`, the verdict of request `r` judged by `p` (what `session::what_if(r)` answers).
[[nodiscard]] auto explain(const policy& p, const case_file& c, const request& r, const request_verdict& rv)
    -> std::vector<rule_outcome>;

/// How a verdict is written.
struct write_options {
  /// The language of messages.
  rulebook::lang lang = lang::en;
  bool clauses = false;  ///< with each finding, the rulebook's text of its clause
  bool explain = false;  ///< with each request, every rule that applied and what would satisfy it
};

/// Writes the JSON verdict of CONTRACT §3. Same verdict, same bytes.
void write_json(std::ostream& out, const verdict& v, const case_file& c, const write_options& o = {});
/// Writes `rv`, what `session::what_if(r)` answered, as one JSON object shaped as an item of the
/// verdict's `requests` (CONTRACT §3), and a newline. `c` is the session's case.
void write_json(std::ostream& out, const request_verdict& rv, const request& r, const policy& p, const case_file& c,
                const write_options& o = {});
/// Writes a report for people.
void write_text(std::ostream& out, const verdict& v, const case_file& c, const write_options& o = {});
/// Writes the month view: one self-contained HTML page (no network) of people by days of the case's
/// period with each shift and its findings, the requests, and the totals. Same verdict, same bytes.
void write_html(std::ostream& out, const verdict& v, const case_file& c, const write_options& o = {});
/// Writes the findings and the requests' decisions as one CSV table for a spreadsheet: UTF-8 with
/// a byte order mark, CRLF line ends, RFC 4180 quoting. Same verdict, same bytes.
void write_csv(std::ostream& out, const verdict& v, const case_file& c, const write_options& o = {});

}  // namespace rulebook
#pragma GCC visibility pop
