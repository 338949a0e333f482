#include "what_if_body.hpp"

#include <rulebook/source.hpp>
#include <filesystem>

#include "source_io.hpp"

#include <algorithm>
#include <cstddef>

namespace rulebook::detail {
namespace {

constexpr auto npos = std::string_view::npos;

auto is_space(char c) -> bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Byte offsets of the starts of lines, to turn a node's line and column (from 1, columns counted
// in bytes as yaml-cpp counts them) back into a place in the text.
class line_table {
 public:
  explicit line_table(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
    size_ = text.size();
  }
  [[nodiscard]] auto offset(int line, int column) const -> std::size_t {
    if (line < 1 || column < 1 || static_cast<std::size_t>(line) > starts_.size()) return npos;
    const auto at = starts_[static_cast<std::size_t>(line) - 1] + static_cast<std::size_t>(column) - 1;
    return at < size_ ? at : npos;
  }
  [[nodiscard]] auto line_start(int line) const -> std::size_t {
    if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return npos;
    return starts_[static_cast<std::size_t>(line) - 1];
  }

 private:
  std::vector<std::size_t> starts_;
  std::size_t size_ = 0;
};

// Where the flow collection (`{…}` or `[…]`, JSON or YAML) that opens at `begin` ends: one past
// its closing bracket, or npos. Brackets inside quoted scalars and comments do not count. A quote
// opens a quoted scalar only where a scalar may start (after an indicator, or after a tag or
// anchor); inside a plain scalar (`it's`) it is a character like any other.
auto flow_end(std::string_view t, std::size_t begin) -> std::size_t {
  std::size_t depth = 0;
  bool scalar_may_start = true;
  for (std::size_t i = begin; i < t.size(); ++i) {
    const char c = t[i];
    switch (c) {
      case '{':
      case '[':
        ++depth;
        scalar_may_start = true;
        break;
      case '}':
      case ']':
        if (depth == 0) return npos;
        if (--depth == 0) return i + 1;
        scalar_may_start = false;
        break;
      case ',':
      case ':':
      case '?': scalar_may_start = true; break;
      case ' ':
      case '\t':
      case '\r':
      case '\n': break;
      case '#':
        if (i > begin && is_space(t[i - 1])) {
          while (i + 1 < t.size() && t[i + 1] != '\n') ++i;
        } else {
          scalar_may_start = false;
        }
        break;
      case '"':
        if (scalar_may_start) {
          for (++i; i < t.size() && t[i] != '"'; ++i) {
            if (t[i] == '\\') ++i;
          }
          if (i >= t.size()) return npos;
        }
        scalar_may_start = false;
        break;
      case '\'':
        if (scalar_may_start) {
          // '' is a quote inside a single-quoted scalar.
          for (++i; i < t.size(); ++i) {
            if (t[i] != '\'') continue;
            if (i + 1 < t.size() && t[i + 1] == '\'') {
              ++i;
              continue;
            }
            break;
          }
          if (i >= t.size()) return npos;
        }
        scalar_may_start = false;
        break;
      case '!':
      case '&':
        // A tag or an anchor: the node it belongs to starts after it.
        if (scalar_may_start) {
          while (i + 1 < t.size() && !is_space(t[i + 1]) && std::string_view(",[]{}").find(t[i + 1]) == npos) ++i;
        } else {
          scalar_may_start = false;
        }
        break;
      default: scalar_may_start = false;
    }
  }
  return npos;
}

// The body with everything outside [begin, end) blanked: the part alone, at the lines and columns
// it has in the body.
auto blank_outside(std::string_view text, std::size_t begin, std::size_t end) -> std::string {
  std::string out(text.substr(0, end));
  for (std::size_t i = 0; i < begin; ++i) {
    if (out[i] != '\n' && out[i] != '\r') out[i] = ' ';
  }
  return out;
}

// A problem at node `n` of the body. (Built field by field: GCC 12 takes a braced load_issue
// for one that may be used uninitialized.)
auto issue_at(const std::string& file, const source_node& n, std::string message) -> load_issue {
  load_issue issue;
  issue.where.file = file;
  // An empty body has no place of its own: it is at its start.
  issue.where.line = n.line < 1 ? 1 : n.line;
  issue.where.column = n.line < 1 ? 1 : n.column;
  issue.message = std::move(message);
  return issue;
}

// Why a list kept in a file is refused, in language `l`.
auto no_files(const std::string& name, lang l) -> std::string {
  return l == lang::zh
             ? "`" + name +
                   "`必须是写在请求体中的列表：决策服务不读取文件（单独存放在文件中的列表供`rulebook check`使用）"
             : "`" + name + "` must be a list written in the body: the decision service reads no files (lists " +
                   "in a file of their own are for `rulebook check`)";
}

// Issues for the lists of case `root` given as mappings: a mapping names a file that holds the
// list (`shifts: {file: roster.csv}`), which the service must not read; any other mapping is no
// list either.
void refuse_list_files(const std::string& file, const source_node& root, std::vector<load_issue>& issues, lang l) {
  if (root.kind != source_node::type::map) return;
  for (std::size_t i = 0; i < root.keys.size(); ++i) {
    const auto& name = root.keys[i].text;
    if (root.items[i].kind != source_node::type::map) continue;
    if (std::find(case_lists.begin(), case_lists.end(), name) == case_lists.end()) continue;
    issues.push_back(issue_at(file, root.items[i], no_files(name, l)));
  }
}

}  // namespace

auto split_what_if(const std::string& file, std::string_view text, std::vector<load_issue>& issues, lang l)
    -> std::optional<std::pair<std::string, std::string>> {
  const bool zh = l == lang::zh;
  // A byte-order mark is no part of either part (and yaml-cpp's places do not count it).
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const auto first = issues.size();
  const auto doc = parse_source(file, std::string(text), issues, l);
  if (issues.size() != first) return std::nullopt;
  const auto& root = doc.root;
  if (root.kind != source_node::type::map) {
    issues.push_back(issue_at(file, root,
                              zh ? "假设请求体是由`case`（案例，写法同案例文件）和`request`（一个申请，写法同案例"
                                   "`requests:`中的一项）组成的映射，不能是" +
                                       source_reader::describe(root, l)
                                 : "a what-if body is a mapping of `case` (a case, as a case file holds it) and "
                                   "`request` (one request, as an item of a case's `requests:`), not " +
                                       source_reader::describe(root, l)));
    return std::nullopt;
  }
  const char* names[2] = {"case", "request"};
  const char* what[2] = {"a case, as a case file holds it", "one request, as an item of a case's `requests:`"};
  const char* what_zh[2] = {"案例，写法同案例文件", "一个申请，写法同案例`requests:`中的一项"};
  const source_node* parts[2] = {root.find(names[0]), root.find(names[1])};
  for (const auto& key : root.keys) {
    if (key.text != names[0] && key.text != names[1]) {
      issues.push_back(issue_at(file, key,
                                zh ? "未知的键`" + key.text + "`：假设请求体只有`case`和`request`"
                                   : "unknown key `" + key.text + "`: a what-if body has `case` and `request`"));
    }
  }
  for (int i = 0; i < 2; ++i) {
    if (parts[i] == nullptr) {
      issues.push_back(issue_at(file, root,
                                zh ? std::string("假设请求体缺少`") + names[i] + "`（" + what_zh[i] + "）"
                                   : std::string("no `") + names[i] + "` (" + what[i] + ") in the what-if body"));
    } else if (parts[i]->kind != source_node::type::map) {
      issues.push_back(issue_at(file, *parts[i],
                                zh ? std::string("`") + names[i] + "`必须是映射（" + what_zh[i] + "），不能是" +
                                         source_reader::describe(*parts[i], l)
                                   : std::string("`") + names[i] + "` must be a mapping, " + what[i] + ", not " +
                                         source_reader::describe(*parts[i], l)));
    }
  }
  if (issues.size() != first) return std::nullopt;
  refuse_list_files(file, *parts[0], issues, l);
  if (issues.size() != first) return std::nullopt;

  // Each part is handed on as the text it is written in, so that what its readers find is located
  // in the body. A part ends at its closing bracket when it is a flow mapping (JSON), else (a
  // block mapping) at the line of the key that follows it in the body.
  const line_table lines(text);
  std::string out[2];
  for (int i = 0; i < 2; ++i) {
    const auto& n = *parts[i];
    const auto begin = lines.offset(n.line, n.column);
    std::size_t end = npos;
    if (begin != npos && (text[begin] == '{' || text[begin] == '[')) {
      end = flow_end(text, begin);
    } else if (begin != npos && text[begin] != '*') {
      end = text.size();
      for (const auto& k : root.keys) {
        const auto at = lines.offset(k.line, k.column);
        if (at != npos && at > begin) end = std::min(end, lines.line_start(k.line));
      }
    }
    if (end == npos || end <= begin) {
      // An alias (`case: *base`) or a merge key copies a part from elsewhere: it has no text of its own.
      issues.push_back(
          issue_at(file, n,
                   zh ? std::string("`") + names[i] + "`必须就地写出：假设请求体中不展开锚点、别名和合并键"
                      : std::string("`") + names[i] +
                            "` must be written out where it is: anchors, aliases and merge keys are not followed "
                            "in a what-if body"));
      continue;
    }
    out[i] = blank_outside(text, begin, end);
  }
  if (issues.size() != first) return std::nullopt;
  return std::pair{std::move(out[0]), std::move(out[1])};
}

auto case_reads_no_files(const std::string& file, std::string_view text, bool json, std::vector<load_issue>& issues,
                         lang l) -> bool {
  const auto first = issues.size();
  if (!json) {
    std::vector<load_issue> ignored;  // syntax errors are parse_case's to report
    refuse_list_files(file, parse_source(file, std::string(text), ignored, l).root, issues, l);
    return issues.size() == first;
  }
  // A JSON case may be large and is streamed by its reader: only its top level is scanned here,
  // without parsing, for a list given as an object. A key written with escapes (`"sh\u0069fts"`)
  // is taken to be a list's name.
  std::size_t depth = 0;
  std::string_view key;
  bool key_has_escape = false;
  bool after_key = false;  // a string at depth 1, then only a colon
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      const auto start = i;
      bool escaped = false;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i, escaped = true;
      }
      if (i >= text.size()) break;
      if (depth == 1) {
        key = text.substr(start + 1, i - start - 1);
        key_has_escape = escaped;
        after_key = false;
        // A key is followed by its colon; a string followed by anything else is a value.
        auto j = i + 1;
        while (j < text.size() && is_space(text[j])) ++j;
        if (j < text.size() && text[j] == ':') {
          after_key = true;
          i = j;
        }
      }
      continue;
    }
    if (c == '{' || c == '[') {
      if (depth == 1 && after_key && c == '{' &&
          (key_has_escape || std::find(case_lists.begin(), case_lists.end(), key) != case_lists.end())) {
        // The object's line and column, its column counted in bytes.
        std::size_t line = 1, line_start = 0;
        for (std::size_t j = 0; j < i; ++j) {
          if (text[j] == '\n') ++line, line_start = j + 1;
        }
        source_node at;
        at.line = static_cast<int>(line);
        at.column = static_cast<int>(i - line_start) + 1;
        issues.push_back(issue_at(file, at, no_files(std::string(key), l)));
      }
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
    }
    if (!is_space(c)) after_key = false;
  }
  return issues.size() == first;
}

auto policy_reads_no_foreign_files(const std::string& file, std::string_view text, std::vector<load_issue>& issues,
                                   lang l) -> bool {
  const auto first = issues.size();
  std::vector<load_issue> ignored;  // syntax errors are parse_policy's to report
  const auto doc = parse_source(file, std::string(text), ignored, l);
  const auto* cals = doc.root.kind == source_node::type::map ? doc.root.find("calendars") : nullptr;
  if (cals == nullptr || cals->kind != source_node::type::sequence) return true;
  for (const auto& c : cals->items) {
    if (c.kind != source_node::type::scalar) continue;
    const std::string_view p = c.text;
    const auto ends_with = [&](std::string_view s) {
      return p.size() >= s.size() && p.substr(p.size() - s.size()) == s;
    };
    bool up = false;  // a `..` part
    for (std::size_t b = 0; b <= p.size();) {
      auto e = p.find('/', b);
      if (e == npos) e = p.size();
      if (p.substr(b, e - b) == "..") up = true;
      b = e + 1;
    }
    // Below the working directory also once links are followed (`link/x.yaml` may lead anywhere).
    const auto outside = [&] {
      std::error_code ec;
      const auto here = std::filesystem::current_path(ec);
      const auto target = std::filesystem::weakly_canonical(here / std::string(p), ec);
      const auto [end, rest] = std::mismatch(here.begin(), here.end(), target.begin(), target.end());
      return ec || end != here.end();
    };
    if (p.empty() || p.front() == '/' || p.front() == '~' || up || !(ends_with(".yaml") || ends_with(".yml")) ||
        outside()) {
      issues.push_back(issue_at(
          file, c,
          l == lang::zh
              ? "日历文件`" + c.text +
                    "`：决策服务只读取其工作目录下的日历文件，须用不含`..`、以`.yaml`或`.yml`结尾的相对路径指明"
              : "calendar file `" + c.text +
                    "`: the decision service reads only calendar files below its working "
                    "directory, named by a relative path without `..` that ends in `.yaml` or "
                    "`.yml`"));
    }
  }
  return issues.size() == first;
}

}  // namespace rulebook::detail
