// Private: how files become source documents (yaml-cpp stays behind this header), and how a case
// is read from a parsed document.
#pragma once

#include <rulebook/policy.hpp>
#include <rulebook/source.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rulebook::detail {

/// How deep lists and mappings may nest in an input file.
inline constexpr std::size_t max_nesting_depth = 64;
/// The most nodes anchors and aliases (`&name`, `*name`) may copy in one file. Below it, a file
/// may copy 100,000 nodes, or 10 times the nodes it writes itself when that is more.
inline constexpr std::size_t max_alias_nodes = 1'000'000;

/// A whole input file.
struct source_document {
  std::string file;
  source_node root;
  std::string bytes;  ///< the file's content, for the policy digest
};

/// Parses YAML or JSON text into a document; syntax errors and duplicate keys become issues. The
/// text holds exactly one document, in UTF-8, nested at most `max_nesting_depth` deep, with
/// anchors and aliases copying at most `max_alias_nodes` nodes; otherwise the one issue says
/// which, and the document comes back empty (a null root and no bytes).
auto parse_source(std::string file, std::string bytes, std::vector<load_issue>& issues) -> source_document;

/// A whole file's bytes; a file that cannot be read (or is a directory) is an issue saying why.
auto read_text_file(const std::string& path, std::vector<load_issue>& issues) -> std::optional<std::string>;

/// Reads and parses a file; a file that cannot be read is an issue.
auto read_source(const std::string& path, std::vector<load_issue>& issues) -> source_document;

/// Reads a case from an already parsed document node (e.g. a case written inline in a test file).
auto case_from_source(const std::string& file, const source_node& root, const policy& p,
                      std::vector<load_issue>& issues) -> case_file;

}  // namespace rulebook::detail
