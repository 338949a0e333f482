// The only place that knows yaml-cpp: YAML (and JSON, which yaml-cpp reads as YAML) to a
// source_document. Events are streamed into our own tree, which keeps every node's position and
// costs far less than YAML::Node for large rosters.
#include <rulebook/source.hpp>

#include "mapped_file.hpp"
#include "source_io.hpp"
#include "utf8.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <istream>
#include <map>
#include <optional>
#include <streambuf>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace rulebook {
namespace {

// yaml-cpp counts lines and columns from 0; people count from 1.
void place(source_node& n, const YAML::Mark& mark) {
  if (mark.is_null()) return;
  n.line = mark.line + 1;
  n.column = mark.column + 1;
}

auto at(const YAML::Mark& mark) -> source_node {
  source_node n;
  place(n, mark);
  return n;
}

// Thrown from the event handler to stop reading a file whose problem has been reported: a file
// nested too deep or aliased too much is not read any further.
struct stop_reading {};

// What the input shows at `pos`, for a message: a word of printable ASCII (or one flow
// indicator), or nothing.
auto shown_at(std::string_view bytes, std::size_t pos) -> std::string {
  constexpr std::string_view flow = ",[]{}";
  std::string out;
  for (std::size_t i = pos; i < bytes.size() && out.size() < 20; ++i) {
    const char c = bytes[i];
    if (c <= ' ' || c > '~' || c == '`') break;
    if (flow.find(c) != std::string_view::npos) {
      if (out.empty()) out += c;
      break;
    }
    out += c;
  }
  return out;
}

// Line and column (from 1) of byte `pos`, counting columns in bytes as yaml-cpp does.
auto position_of(std::string_view bytes, std::size_t pos) -> source_node {
  source_node n;
  n.line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < pos; ++i) {
    if (bytes[i] == '\n') ++n.line, line_start = i + 1;
  }
  n.column = static_cast<int>(pos - line_start) + 1;
  return n;
}

// A syntax error of yaml-cpp (its English words, YAML::ErrorMsg) in Chinese; one it does not
// know, as it is.
auto yaml_error_zh(const std::string& msg) -> std::string {
  namespace m = YAML::ErrorMsg;
  static const std::pair<const char*, const char*> words[] = {
      {m::YAML_DIRECTIVE_ARGS, "`%YAML`指令必须恰好有一个参数"},
      {m::YAML_MAJOR_VERSION, "YAML主版本号太大"},
      {m::REPEATED_YAML_DIRECTIVE, "`%YAML`指令重复"},
      {m::TAG_DIRECTIVE_ARGS, "`%TAG`指令必须恰好有两个参数"},
      {m::REPEATED_TAG_DIRECTIVE, "`%TAG`指令重复"},
      {m::CHAR_IN_TAG_HANDLE, "标签句柄中有非法字符"},
      {m::TAG_WITH_NO_SUFFIX, "标签句柄后面缺少后缀"},
      {m::END_OF_VERBATIM_TAG, "找不到逐字标签的结尾`>`"},
      {m::END_OF_MAP, "找不到映射的结尾"},
      {m::END_OF_MAP_FLOW, "找不到流式映射的结尾`}`"},
      {m::END_OF_SEQ, "找不到列表的结尾"},
      {m::END_OF_SEQ_FLOW, "找不到流式列表的结尾`]`"},
      {m::MULTIPLE_TAGS, "同一个节点不能有多个标签"},
      {m::MULTIPLE_ANCHORS, "同一个节点不能有多个锚点"},
      {m::MULTIPLE_ALIASES, "同一个节点不能有多个别名"},
      {m::ALIAS_CONTENT, "别名不能带任何内容（包括标签）"},
      {m::INVALID_HEX, "十六进制数中有非法字符"},
      {m::UNKNOWN_TOKEN, "无法识别的记号"},
      {m::DOC_IN_SCALAR, "标量中不能出现文档标记"},
      {m::EOF_IN_SCALAR, "标量还没结束，文件就结束了"},
      {m::CHAR_IN_SCALAR, "标量中有非法字符"},
      {m::TAB_IN_INDENTATION, "缩进中不能使用制表符"},
      {m::FLOW_END, "此处不能出现`]`或`}`"},
      {m::BLOCK_ENTRY, "此处不能出现列表项`-`"},
      {m::MAP_KEY, "此处不能出现映射的键"},
      {m::MAP_VALUE, "此处不能出现映射的值"},
      {m::ALIAS_NOT_FOUND, "`*`后面缺少别名"},
      {m::ANCHOR_NOT_FOUND, "`&`后面缺少锚点名"},
      {m::CHAR_IN_ALIAS, "别名中有非法字符"},
      {m::CHAR_IN_ANCHOR, "锚点名中有非法字符"},
      {m::ZERO_INDENT_IN_BLOCK, "块标量的缩进不能设为0"},
      {m::CHAR_IN_BLOCK, "块标量中有意外的字符"},
      {m::AMBIGUOUS_ANCHOR, "同一个别名不能用于多个节点"},
      {m::UNKNOWN_ANCHOR, "引用的锚点没有定义"},
      {m::BAD_FILE, "文件有误"},
  };
  for (const auto& [en, zh] : words) {
    if (msg == en) return zh;
  }
  // Those that go on with what was found.
  static const std::pair<const char*, const char*> leads[] = {
      {m::YAML_VERSION, "YAML版本号有误"},
      {m::INVALID_UNICODE, "无效的Unicode码位"},
      {m::INVALID_ESCAPE, "未知的转义字符"},
  };
  for (const auto& [en, zh] : leads) {
    const std::string_view lead(en);
    if (msg.size() > lead.size() && std::string_view(msg).substr(0, lead.size()) == lead) {
      return std::string(zh) + "`" + msg.substr(lead.size()) + "`";
    }
  }
  return msg;
}

class tree_builder final : public YAML::EventHandler {
 public:
  tree_builder(source_reader& reader, std::string_view bytes) : reader_(&reader), bytes_(bytes) {}

  source_node root;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    ++written_;
    add(at(mark), anchor, mark);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      add(at(mark), 0);
      return;
    }
    const auto& [node, size, depth] = it->second;
    // Every alias is a copy of its anchor's nodes: counted, so that a few nested aliases cannot
    // grow a small file into gigabytes ("billion laughs").
    charge(size, mark, '*');
    if (stack_.size() + depth > detail::max_nesting_depth) too_deep(mark);
    source_node n = node;
    place(n, mark);
    add(std::move(n), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    ++written_;
    source_node n = at(mark);
    n.kind = source_node::type::scalar;
    n.quoted = tag == "!";  // yaml-cpp tags quoted scalars "!" and plain ones "?"
    n.text = value;
    add(std::move(n), anchor, mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, source_node::type::sequence, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, source_node::type::map, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct frame {
    source_node node;
    YAML::anchor_t anchor = 0;
    YAML::Mark mark;
    bool expecting_key = true;
    bool drop_value = false;                  // the key before it was reported (a duplicate): the value is not kept
    std::unordered_set<std::string> key_set;  // the keys, once there are many: duplicates in O(1)

    auto has_key(const std::string& key) const -> bool {
      if (node.keys.size() <= 16) return node.find(key) != nullptr;
      return key_set.count(key) != 0;
    }
    void add_key(source_node key) {
      node.keys.push_back(std::move(key));
      if (node.keys.size() == 17) {
        for (const auto& k : node.keys) key_set.insert(k.text);
      } else if (node.keys.size() > 17) {
        key_set.insert(node.keys.back().text);
      }
    }
  };
  struct anchored {
    source_node node;
    std::size_t size = 0;   // nodes in it
    std::size_t depth = 0;  // lists and mappings nested in it, itself included
  };

  // Aliases may copy 10 times the nodes written so far, at least 100,000, at most max_alias_nodes.
  auto alias_budget() const -> std::size_t {
    return std::min(detail::max_alias_nodes, std::max<std::size_t>(100'000, 10 * written_));
  }
  // Counts `nodes` more copies against the budget; past it, reports the alias (`sigil` `*`) or
  // anchor (`&`) at `mark` and stops.
  void charge(std::size_t nodes, const YAML::Mark& mark, char sigil) {
    copied_ += nodes;
    if (copied_ <= alias_budget()) return;
    const auto name = shown_at(bytes_, static_cast<std::size_t>(std::max(mark.pos, 0)));
    const bool named = name.size() > 1 && name[0] == sigil;
    const bool alias = sigil == '*';
    const auto budget = std::to_string(alias_budget());
    std::string message;
    if (reader_->language() == lang::zh) {
      message = std::string(alias ? "别名" : "锚点") + (named ? "`" + name + "`" : "") +
                "使文件过大：锚点和别名最多只能复制" + budget + "个节点";
    } else {
      message = named ? (alias ? "alias `" : "anchor `") + name + "`" : alias ? "an alias" : "an anchor";
      message += " makes the file too big: its anchors and aliases may copy at most " + budget + " nodes";
    }
    reader_->error(at(mark), std::move(message));
    throw stop_reading{};
  }
  [[noreturn]] void too_deep(const YAML::Mark& mark) {
    const auto depth = std::to_string(detail::max_nesting_depth);
    reader_->error(at(mark), reader_->pick("nested too deep: lists and mappings nest at most " + depth + " levels deep",
                                           "嵌套太深：列表和映射最多只能嵌套" + depth + "层"));
    throw stop_reading{};
  }

  void open(const YAML::Mark& mark, source_node::type kind, YAML::anchor_t anchor) {
    ++written_;
    if (stack_.size() >= detail::max_nesting_depth) too_deep(mark);
    frame f;
    f.node = at(mark);
    f.node.kind = kind;
    f.anchor = anchor;
    f.mark = mark;
    stack_.push_back(std::move(f));
  }
  void close() {
    frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.node.kind == source_node::type::map) merge_keys(f);
    add(std::move(f.node), f.anchor, f.mark);
  }
  // YAML merge keys (`<<: *base`, `<<: [*a, *b]`): the merged mappings' entries, unless the
  // mapping has the key itself. yaml-cpp's event stream leaves them to us.
  void merge_keys(frame& f) {
    auto& map = f.node;
    for (std::size_t i = 0; i < map.keys.size(); ++i) {
      if (map.keys[i].text != "<<" || map.keys[i].quoted) continue;
      source_node from = std::move(map.items[i]);
      map.keys.erase(map.keys.begin() + static_cast<std::ptrdiff_t>(i));
      map.items.erase(map.items.begin() + static_cast<std::ptrdiff_t>(i));
      source_node where;  // where the merge key's value was, for a message after it has been moved
      where.line = from.line;
      where.column = from.column;
      std::vector<source_node> sources;
      if (from.kind == source_node::type::map) {
        sources.push_back(std::move(from));
      } else if (from.kind == source_node::type::sequence) {
        sources = std::move(from.items);
      }
      if (sources.empty() || std::any_of(sources.begin(), sources.end(),
                                         [](const source_node& n) { return n.kind != source_node::type::map; })) {
        reader_->error(where, reader_->pick("a merge key `<<` takes a mapping or a list of mappings",
                                            "合并键`<<`的值必须是映射或映射列表"));
      }
      for (auto& src : sources) {
        for (std::size_t k = 0; k < src.keys.size(); ++k) {
          if (f.has_key(src.keys[k].text)) continue;
          f.add_key(std::move(src.keys[k]));
          map.items.push_back(std::move(src.items[k]));
        }
      }
      --i;
    }
  }
  void add(source_node n, YAML::anchor_t anchor, const YAML::Mark& mark = YAML::Mark::null_mark()) {
    if (anchor != 0) {
      // The anchor keeps a copy for its aliases: a copy too (anchors nested in anchors would
      // otherwise copy a big value once per level).
      anchored a;
      measure(n, a.size, a.depth);
      charge(a.size, mark, '&');
      a.node = n;
      anchors_[anchor] = std::move(a);
    }
    if (stack_.empty()) {
      root = std::move(n);
      return;
    }
    frame& top = stack_.back();
    if (top.node.kind == source_node::type::sequence) {
      top.node.items.push_back(std::move(n));
    } else if (top.expecting_key) {
      if (n.kind != source_node::type::scalar) {
        reader_->error(n, reader_->pick("a key must be a plain name, not " + reader_->describe_node(n),
                                        "键必须是简单的名称，不能是" + reader_->describe_node(n)));
        top.drop_value = true;
      } else if (top.has_key(n.text)) {
        // Said once, here: the second value is not kept, so nothing reads it as an unknown key.
        reader_->error(n, reader_->pick("duplicate key `" + n.text + "`", "键`" + n.text + "`重复"));
        top.drop_value = true;
      } else {
        top.add_key(std::move(n));
      }
      top.expecting_key = false;
    } else {
      if (!top.drop_value) top.node.items.push_back(std::move(n));
      top.drop_value = false;
      top.expecting_key = true;
    }
  }
  // How many nodes `n` holds, and how deep its lists and mappings nest.
  static void measure(const source_node& n, std::size_t& size, std::size_t& depth) {
    std::size_t deepest = 0;
    ++size;
    for (const auto* part : {&n.keys, &n.items}) {
      for (const auto& child : *part) {
        std::size_t d = 0;
        measure(child, size, d);
        deepest = std::max(deepest, d);
      }
    }
    depth = n.kind == source_node::type::sequence || n.kind == source_node::type::map ? deepest + 1 : 0;
  }

  source_reader* reader_;
  std::string_view bytes_;
  std::vector<frame> stack_;
  std::map<YAML::anchor_t, anchored> anchors_;
  std::size_t written_ = 0;  // nodes the file writes itself
  std::size_t copied_ = 0;   // nodes copied by aliases
};

// Stops at the start of a second document: a file holds one.
class second_document final : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> start;

  void OnDocumentStart(const YAML::Mark& mark) override {
    start = mark;
    throw stop_reading{};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Reads the one document of `bytes` into `root`; false when that failed (and was reported).
auto read_document(std::string_view bytes, source_reader& reader, std::vector<load_issue>& issues, source_node& root)
    -> bool {
  if (const auto bad = detail::invalid_utf8_at(bytes); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[bad])));
    const bool nul = bytes[bad] == '\0';
    reader.error(position_of(bytes, bad),
                 reader.language() == lang::zh
                     ? (nul ? std::string("含有NUL字节") : std::string("不是有效的UTF-8（字节") + hex + "）") +
                           "：文件必须是UTF-8文本"
                     : (nul ? std::string("a NUL byte") : std::string("not valid UTF-8 (byte ") + hex + ")") +
                           ": a file must be UTF-8 text");
    return false;
  }
  // yaml-cpp reads from a stream; this one reads `bytes` where they are, without a copy.
  struct view_buffer : std::streambuf {
    explicit view_buffer(std::string_view s) {
      auto* p = const_cast<char*>(s.data());
      setg(p, p, p + s.size());
    }
  } buffer(bytes);
  std::istream in(&buffer);
  const auto first = issues.size();
  try {
    YAML::Parser parser(in);
    tree_builder builder(reader, bytes);
    try {
      parser.HandleNextDocument(builder);
    } catch (const stop_reading&) {
      return false;
    }
    // Anything after the document is an error: yaml-cpp would read `,` as documents forever.
    second_document next;
    try {
      if (parser.HandleNextDocument(next)) next.start = YAML::Mark();
    } catch (const stop_reading&) {
    }
    if (next.start) {
      const auto what = shown_at(bytes, static_cast<std::size_t>(std::max(next.start->pos, 0)));
      reader.error(at(*next.start),
                   reader.language() == lang::zh
                       ? "文档结束后还有" + (what.empty() ? std::string("内容") : "`" + what + "`") +
                             "：一个文件只能有一个YAML或JSON文档"
                       : (what.empty() ? std::string("more") : "`" + what + "`") +
                             " after the end of the document: a file holds exactly one YAML or JSON document");
      return false;
    }
    root = std::move(builder.root);
  } catch (const YAML::Exception& e) {
    // What the tree builder found before the syntax error may be its echo (a truncated JSON
    // mapping looks like one with a mapping as a key): only the syntax error is reported.
    issues.erase(issues.begin() + static_cast<std::ptrdiff_t>(first), issues.end());
    reader.error(at(e.mark),
                 reader.language() == lang::zh ? "YAML格式错误：" + yaml_error_zh(e.msg) : "not valid YAML: " + e.msg);
    return false;
  }
  return true;
}

}  // namespace

auto detail::parse_source(std::string file, std::string bytes, std::vector<load_issue>& issues, lang l)
    -> source_document {
  source_document doc;
  doc.file = std::move(file);
  source_reader reader(doc.file, issues, l);
  if (!read_document(bytes, reader, issues, doc.root)) return doc;  // nothing to read further: root null, no bytes
  doc.bytes = std::move(bytes);
  return doc;
}

auto detail::read_text_file(const std::string& path, std::vector<load_issue>& issues, lang l)
    -> std::optional<std::string> {
  const auto fail = [&](const std::string& why) -> std::optional<std::string> {
    load_issue issue;
    issue.where.file = path;
    issue.message = (l == lang::zh ? "无法读取文件：" : "cannot read file: ") + why;
    issues.push_back(std::move(issue));
    return std::nullopt;
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(why_unreadable(errno, l));
  struct closer {
    int fd;
    ~closer() { ::close(fd); }
  } guard{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(why_unreadable(errno, l));
  if (S_ISDIR(st.st_mode)) return fail(directory_not_file(l));
  std::string content;
  if (S_ISREG(st.st_mode) && st.st_size > 0) content.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[1 << 16];
  for (;;) {
    const auto got = ::read(fd, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      return fail(why_unreadable(errno, l));
    }
    if (got == 0) break;
    content.append(chunk, static_cast<std::size_t>(got));
  }
  return content;
}

auto detail::read_source(const std::string& path, std::vector<load_issue>& issues, lang l) -> source_document {
  auto text = read_text_file(path, issues, l);
  if (!text) return {path, {}, {}};
  return parse_source(path, std::move(*text), issues, l);
}

}  // namespace rulebook
