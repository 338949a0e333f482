// Private: how files become source documents (yaml-cpp stays behind this header), and how a case
// is read from a parsed document.
#pragma once

#include <rulebook/policy.hpp>
#include <rulebook/source.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rulebook::detail {

/// A whole input file.
struct source_document {
  std::string file;
  source_node root;
  std::string bytes;  ///< the file's content, for the policy digest
};

/// Parses YAML or JSON text into a document; syntax errors and duplicate keys become issues.
auto parse_source(std::string file, std::string bytes, std::vector<load_issue>& issues) -> source_document;

/// A whole file's bytes; a file that cannot be read is an issue.
auto read_text_file(const std::string& path, std::vector<load_issue>& issues) -> std::optional<std::string>;

/// Reads and parses a file; a file that cannot be read is an issue.
auto read_source(const std::string& path, std::vector<load_issue>& issues) -> source_document;

/// Reads a case from an already parsed document node (e.g. a case written inline in a test file).
auto case_from_source(const std::string& file, const source_node& root, const policy& p,
                      std::vector<load_issue>& issues) -> case_file;

}  // namespace rulebook::detail
