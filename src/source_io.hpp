// Private: how files become source documents (yaml-cpp stays behind this header), and how a case
// is read from a parsed document.
#pragma once

#include <rulebook/policy.hpp>
#include <rulebook/source.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

/// Parses YAML or JSON text into a document, its problems written in language `l`; syntax errors and duplicate keys
/// become issues. The text holds exactly one document, in UTF-8, nested at most `max_nesting_depth` deep, with anchors
/// and aliases copying at most `max_alias_nodes` nodes; otherwise the one issue says which, and the document comes back
/// empty (a null root and no bytes).
auto parse_source(std::string file, std::string bytes, std::vector<load_issue>& issues, lang l) -> source_document;

/// A whole file's bytes; a file that cannot be read (or is a directory) is an issue saying why.
auto read_text_file(const std::string& path, std::vector<load_issue>& issues, lang l) -> std::optional<std::string>;

/// Reads and parses a file; a file that cannot be read is an issue.
auto read_source(const std::string& path, std::vector<load_issue>& issues, lang l) -> source_document;

/// One key of a flat item (a mapping of plain values: a JSON item with no nesting and no escapes)
/// and its value, read without a node: views into the file, valid while the item is handled.
struct flat_field {
  std::string_view key;
  std::string_view text;  ///< the value as text: a string's characters, a number as written
  bool scalar = true;     ///< false for `null`
};

/// What a loader works out from a flat item of a long list before it is added, on the thread that
/// reads the list ahead (`case_source::each_item`): from the item alone, nothing the case holds.
struct prepared_item {
  bool plain = false;                      ///< every key one the loader knows, each given once, with a plain value
  std::array<std::string_view, 8> text{};  ///< per key the loader asks for, its value (empty: absent)
  std::array<time_point, 2> times{};       ///< the times the item gives, read
  std::size_t hash = 0;                    ///< of the id the loader looks up or adds (`id_table::hash`)
  source_ref where;                        ///< the item's place
};
/// What a loader does with the flat items of a long list, where a source reads ahead: works
/// them out on the reading thread, and adds those it found plain without a node. An item that is
/// not flat, or not plain, or that `add` refuses, is read as a node and given to `read` as ever.
struct prepare_item {
  /// Works out `out` from a flat item's fields, in the order written (on the reading thread).
  std::function<void(std::span<const flat_field>, prepared_item& out)> work;
  /// Told what was worked out for an item a few items before it is added (on the loading thread,
  /// to bring into the cache what adding it will look at). May be empty.
  std::function<void(const prepared_item&)> ahead;
  /// Adds an item found plain to the case (on the loading thread); false when it has a problem to
  /// report, and nothing was added: the item is then read as a node.
  std::function<bool(const prepared_item&)> add;
  explicit operator bool() const { return work && add; }
};

/// The top level of a case file, handed over section by section. A YAML document is parsed whole;
/// a JSON file is streamed, and its lists are read one item at a time without ever being whole.
class case_source {
 public:
  case_source() = default;
  case_source(const case_source&) = delete;
  auto operator=(const case_source&) -> case_source& = delete;
  virtual ~case_source() = default;
  /// The top-level mapping (a null node for an empty file). A list that is streamed is a sequence
  /// node with its place but no items. Problems found on the way are issues; when there are any,
  /// nothing more is read.
  virtual auto top() -> const source_node& = 0;
  /// Calls `read` with each item of the list at `top().items[key]`, in file order. The node passed
  /// lives only for the call.
  virtual void each_item(std::size_t key, const std::function<void(const source_node&)>& read) = 0;
  /// The same, and where a source reads ahead (a long JSON list), flat items are worked out and
  /// added by `prepare` instead, those it can.
  virtual void each_item(std::size_t key, const std::function<void(const source_node&)>& read,
                         const prepare_item& /*prepare*/) {
    each_item(key, read);
  }
  /// How many items the list at `top().items[key]` has, so the model is allocated once.
  virtual auto item_count(std::size_t /*key*/) -> std::size_t { return 0; }
  /// The syntax problem that stopped reading part-way through a list, if any (a streamed file
  /// finds one only as it gets there): it is then the file's one issue, as for a file that does
  /// not parse, and what was read before it is dropped.
  [[nodiscard]] virtual auto broken() const -> const load_issue* { return nullptr; }
};

/// Told how far reading has got: bytes read of all.
using read_progress = std::function<void(std::size_t done, std::size_t total)>;

/// Whether `file` is read as JSON (by its name: `.json`); anything else is YAML.
auto is_json_file(std::string_view file) -> bool;

/// Whether a JSON item of one level of keys and plain values (what rosters and punch clocks
/// write) is read without simdjson; a test turns it off to compare the two ways.
extern bool json_flat_items;
/// Whether a long JSON list's items are prepared ahead (`case_source::each_item`); a test turns
/// it off to compare.
extern bool json_prepare_items;
/// From how many bytes on the first pass over a JSON file scans its second half on another
/// thread; a test makes every file big enough, or none, to compare.
extern std::size_t json_split_scan_from;
/// How many times the other half's scan was taken (its guess right), for a test to see.
extern std::atomic<std::size_t> json_split_scans_taken;
/// How many items of long lists were added from their fields, without a node (`prepare_item`),
/// for a test to see.
extern std::atomic<std::size_t> json_items_added_plain;

/// A JSON case file streamed from `bytes`, which it keeps. Syntax errors, duplicate keys, nesting
/// deeper than `max_nesting_depth` and invalid UTF-8 are issues with their line and column.
auto json_case_source(std::string file, std::string bytes, std::vector<load_issue>& issues, lang l)
    -> std::unique_ptr<case_source>;
/// The JSON case file at `path`, mapped rather than read, its pages given back as reading passes
/// them; a file that cannot be read is an issue (and the source is empty).
auto json_case_file(const std::string& path, std::vector<load_issue>& issues, lang l, read_progress progress = {})
    -> std::unique_ptr<case_source>;

/// The lists of a case, which a file of their own may hold (CSV).
inline constexpr std::array<std::string_view, 13> case_lists = {"people",     "shifts",      "punches",  "away",
                                                                "requests",   "assessments", "tickets",  "callbacks",
                                                                "monitoring", "accounts",    "meetings", "reports",
                                                                "trainings"};

/// Reads a list that a case keeps in a file of its own, e.g. `shifts: {file: roster.csv, columns:
/// {工号: employee}, encoding: gb18030}`: calls `read` with each record as a mapping of field names
/// to values. `spec` is that mapping, `section` the list's name (`shifts`), and `case_path` the
/// case file's path, which a relative `file` is found from. A spec without a place (built by
/// `with_section_files`, not written in a case) names its file as the caller does. Problems with
/// the spec are reported through `rd`; while the file is read, `rd` names that file instead, so
/// what `read` reports is located in it, and so is what `after` reports, which is called after
/// the last record (people's leaders, which may come later in the file, are resolved there).
/// Returns the file read (as its records' issues name it), or nothing when none was.
auto external_list(const std::string& case_path, const source_node& spec, std::string_view section, source_reader& rd,
                   const std::function<void(const source_node&)>& read, const std::function<void()>& after = {})
    -> std::string;

/// The top level of `inner` (of an empty case when null) with the lists of `files` read from those
/// files: each replaces the case's own list of that name, or is added after the case's own.
auto with_section_files(std::unique_ptr<case_source> inner, std::span<const section_file> files)
    -> std::unique_ptr<case_source>;

/// Reads a case from a source, section by section.
auto case_from_source(const std::string& file, case_source& source, const policy& p, std::vector<load_issue>& issues,
                      lang l) -> case_file;
/// Reads a case from an already parsed document node (e.g. a case written inline in a test file).
auto case_from_source(const std::string& file, const source_node& root, const policy& p,
                      std::vector<load_issue>& issues, lang l) -> case_file;

}  // namespace rulebook::detail
