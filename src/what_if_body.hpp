// Private: the request bodies of the decision service (`rulebook serve`, src/cli/serve.cpp), read
// here because yaml-cpp stays inside the library: a what-if body split into its case and its
// request, and the checks that keep a body from making the service read files of its host.
#pragma once

#include <rulebook/error.hpp>
#include <rulebook/lang.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rulebook::detail {

/// Splits a what-if body, a mapping of exactly `case` (a case, as a case file holds it) and
/// `request` (one request, as an item of a case's `requests:`), YAML or JSON, into the texts of
/// the two. Each text is the body with everything outside its part blanked (newlines kept), so the
/// problems `parse_case` and `parse_request` find in it are located in the body as it was sent.
/// `file` names the body in messages, which are written in language `l`.
/// @par Errors A body that does not parse, is not such a mapping, or whose case keeps a list in a
///      file of its own (`shifts: {file: roster.csv}`: the service reads no files) comes back as
///      located issues and nothing.
auto split_what_if(const std::string& file, std::string_view text, std::vector<load_issue>& issues, lang l)
    -> std::optional<std::pair<std::string, std::string>>;

/// Whether the case in `text` (JSON when `json`, else YAML) keeps all its lists in itself; a list
/// given as a mapping (`people: {file: /etc/passwd}`) is an issue located at it. A case that does
/// not parse passes: `parse_case` says why it does not.
auto case_reads_no_files(const std::string& file, std::string_view text, bool json, std::vector<load_issue>& issues,
                         lang l) -> bool;

/// Whether the policy in `text` names only calendar files the service may read: relative paths
/// below its working directory (no `/` in front, no `..`) ending in `.yaml` or `.yml`. Any other is
/// an issue located at it. A policy that does not parse passes: `parse_policy` says why.
auto policy_reads_no_foreign_files(const std::string& file, std::string_view text, std::vector<load_issue>& issues,
                                   lang l) -> bool;

}  // namespace rulebook::detail
