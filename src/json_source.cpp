// JSON case files, streamed: the one place that knows simdjson. The top level is scanned for its
// keys; each list is then read one item at a time, every item parsed by simdjson On-Demand into a
// small source_node that is reused, so a year of a whole center never exists as a tree. A file is
// mapped rather than read, and the pages reading has passed are given back to the kernel, so the
// input costs a few megabytes of memory whatever its size.
#include <rulebook/source.hpp>

#include "mapped_file.hpp"
#include "source_io.hpp"
#include "utf8.hpp"

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_set>

namespace rulebook::detail {

bool json_flat_items = true;
bool json_prepare_items = true;
std::size_t json_split_scan_from = std::size_t{32} << 20;
std::atomic<std::size_t> json_split_scans_taken{0};
std::atomic<std::size_t> json_items_added_plain{0};

auto is_json_file(std::string_view file) -> bool {
  if (file.size() < 5) return false;
  std::string tail(file.substr(file.size() - 5));
  for (auto& ch : tail) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return tail == ".json";
}

namespace {

namespace od = simdjson::ondemand;

using input = mapped_file;

// Line and column (from 1; columns in bytes, as for YAML) of byte offsets, counted forward.
class locator {
 public:
  struct mark {
    std::size_t offset = 0;
    int line = 1;
    std::size_t line_start = 0;
  };
  // A UTF-8 byte-order mark is not counted in line 1's columns, as the YAML and CSV readers do not.
  explicit locator(std::string_view bytes)
      : bytes_(bytes), origin_{0, 1, bytes.substr(0, 3) == "\xEF\xBB\xBF" ? std::size_t{3} : 0}, at_(origin_) {}
  [[nodiscard]] auto here() const -> mark { return at_; }
  void seek(mark m) {
    at_ = m;
    next_newline_ = unknown;
  }
  void place(source_node& n, std::size_t offset) {
    offset = std::min(offset, bytes_.size());
    if (offset < at_.offset) seek(origin_);  // backwards (only for a message): count from the start
    // The next newline is found once and kept: most values lie on the line of the one before.
    if (next_newline_ == unknown) next_newline_ = newline_from(at_.offset);
    if (next_newline_ < offset && offset - next_newline_ > 4096) {
      // Far ahead (past a whole list, to the key after it): the lines between are counted in bulk.
      const auto lines = newlines_in(next_newline_, offset);
      at_.line = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(at_.line) + lines,
                                                        std::numeric_limits<int>::max()));
      std::size_t last = offset - 1;  // the last of them: one is at next_newline_ at least
      while (bytes_[last] != '\n') --last;
      at_.line_start = last + 1;
      next_newline_ = newline_from(offset);
    }
    while (next_newline_ < offset) {
      if (at_.line < std::numeric_limits<int>::max()) ++at_.line;
      at_.line_start = next_newline_ + 1;
      next_newline_ = newline_from(next_newline_ + 1);
    }
    at_.offset = offset;
    n.line = at_.line;
    const auto from_line_start = offset > at_.line_start ? offset - at_.line_start : 0;
    n.column = static_cast<int>(std::min<std::size_t>(from_line_start, 1 << 30)) + 1;
  }

 private:
  static constexpr std::size_t unknown = std::numeric_limits<std::size_t>::max();
  // How many newlines bytes [from, to) hold.
  [[nodiscard]] auto newlines_in(std::size_t from, std::size_t to) const -> std::size_t {
    const char* p = bytes_.data();
    std::size_t count = 0, at = from;
#if defined(__SSE2__)
    // Each byte of `sums` counts the newlines of its column, for up to 255 blocks at a time.
    const __m128i newline = _mm_set1_epi8('\n');
    while (at + 16 <= to) {
      __m128i sums = _mm_setzero_si128();
      for (int blocks = 0; blocks < 255 && at + 16 <= to; ++blocks, at += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
        sums = _mm_sub_epi8(sums, _mm_cmpeq_epi8(block, newline));
      }
      const __m128i total = _mm_sad_epu8(sums, _mm_setzero_si128());
      count += static_cast<std::size_t>(_mm_cvtsi128_si32(total)) +
               static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_srli_si128(total, 8)));
    }
#endif
    for (; at < to; ++at) count += p[at] == '\n' ? 1 : 0;
    return count;
  }
  // The offset of the first newline at or after `from`, or the size.
  [[nodiscard]] auto newline_from(std::size_t from) const -> std::size_t {
    if (from >= bytes_.size()) return bytes_.size();
    const auto* nl = static_cast<const char*>(std::memchr(bytes_.data() + from, '\n', bytes_.size() - from));
    return nl == nullptr ? bytes_.size() : static_cast<std::size_t>(nl - bytes_.data());
  }

  std::string_view bytes_;
  mark origin_;  // the start of the file
  mark at_;
  std::size_t next_newline_ = unknown;
};

// Finds where JSON values end without parsing them: strings, brackets and depth. What lies
// between is checked by simdjson when a value is parsed.
class scanner {
 public:
  enum class problem : std::uint8_t { none, end, unterminated, too_deep, unexpected };

  explicit scanner(std::string_view s) : s_(s) {}
  [[nodiscard]] auto at() const -> std::size_t { return i_; }
  void seek(std::size_t i) { i_ = i; }
  [[nodiscard]] auto done() const -> bool { return i_ >= s_.size(); }
  [[nodiscard]] auto peek() const -> char { return i_ < s_.size() ? s_[i_] : '\0'; }
  void skip_byte() { ++i_; }

  void whitespace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  // Skips the string that starts at the quote under the cursor.
  auto string() -> problem {
    ++i_;
    for (;;) {
      const auto* q = static_cast<const char*>(std::memchr(s_.data() + i_, '"', s_.size() - i_));
      if (q == nullptr) {
        i_ = s_.size();
        return problem::unterminated;
      }
      const auto j = static_cast<std::size_t>(q - s_.data());
      std::size_t k = j;
      while (k > i_ && s_[k - 1] == '\\') --k;
      i_ = j + 1;
      if ((j - k) % 2 == 0) return problem::none;
    }
  }
  // Skips one value, nested in `depth` lists and mappings.
  auto value(std::size_t depth) -> problem {
    if (done()) return problem::end;
    const char c = s_[i_];
    if (c == '"') return string();
    if (c == '{' || c == '[') return container(depth);
    if (c == '}' || c == ']' || c == ',' || c == ':') return problem::unexpected;
    const auto start = i_;
    while (i_ < s_.size() && !delimiter(s_[i_])) ++i_;
    return i_ > start ? problem::none : problem::unexpected;
  }

 private:
  // Skips the list or mapping whose bracket is under the cursor, nested in `depth` others: its
  // strings (escapes and all) and the brackets in it. Only quotes, backslashes and brackets
  // matter, so where the processor has SSE2 (every x86-64) they are found 16 bytes at a time: the
  // first pass over a center's year is most of a second byte by byte.
  auto container(std::size_t depth) -> problem {
    const char* p = s_.data();
    const std::size_t n = s_.size();
    std::size_t d = 0;
    bool in_string = false, escaped = false;  // `escaped`: the next byte is a backslash's
    // The byte `x` at `at`, not escaped: true when the value ends there (done) or fails (`out`).
    problem out = problem::none;
    const auto ends = [&](char x, std::size_t at) {
      if (in_string) {
        if (x == '"') in_string = false;
        if (x == '\\') escaped = true;
        return false;
      }
      if (x == '"') {
        in_string = true;
      } else if (x == '{' || x == '[') {
        if (depth + ++d > max_nesting_depth) {
          i_ = at;
          out = problem::too_deep;
          return true;
        }
      } else if (x == '}' || x == ']') {
        if (--d == 0) {
          i_ = at + 1;
          return true;
        }
      }
      return false;
    };
    std::size_t at = i_;
#if defined(__SSE2__)
    for (; at + 16 <= n; at += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
      const auto mask = [&](char ch) {
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(ch))));
      };
      const unsigned quotes = mask('"'), backslashes = mask('\\');
      const unsigned brackets = mask('{') | mask('}') | mask('[') | mask(']');
      if (backslashes == 0 && !escaped) {
        // No escape: which bytes are in a string follows from the quotes alone (a running xor),
        // and only brackets outside strings are looked at one by one.
        unsigned inside = quotes;
        inside ^= inside << 1;
        inside ^= inside << 2;
        inside ^= inside << 4;
        inside ^= inside << 8;
        if (in_string) inside = ~inside;
        inside &= 0xFFFFU;
        in_string = (inside >> 15 & 1U) != 0;
        for (unsigned marks = brackets & ~inside; marks != 0; marks &= marks - 1) {
          const auto k = static_cast<unsigned>(std::countr_zero(marks));
          const bool was = in_string;
          in_string = false;  // a bracket outside strings
          if (ends(p[at + k], at + k)) return out;
          in_string = was;
        }
        continue;
      }
      auto marks = quotes | backslashes | brackets;
      if (escaped) {  // a backslash ended the block before: this one's first byte is its
        marks &= ~1U;
        escaped = false;
      }
      while (marks != 0) {
        const auto k = static_cast<unsigned>(std::countr_zero(marks));
        marks &= marks - 1;
        if (ends(p[at + k], at + k)) return out;
        if (escaped && k < 15) {
          marks &= ~(1U << (k + 1));
          escaped = false;
        }
      }
    }
#endif
    for (; at < n; ++at) {
      if (escaped) {
        escaped = false;
        continue;
      }
      if (ends(p[at], at)) return out;
    }
    i_ = n;
    return problem::unterminated;
  }

  static auto delimiter(char c) -> bool {
    return c == ',' || c == ']' || c == '}' || c == ':' || c == '"' || c == ' ' || c == '\n' || c == '\r' ||
           c == '\t' || c == '[' || c == '{';
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

// The message for lists and mappings nested deeper than `max_nesting_depth`.
auto too_deep(lang l) -> std::string {
  const auto depth = std::to_string(max_nesting_depth);
  return l == lang::zh ? "嵌套太深：列表和映射最多只能嵌套" + depth + "层"
                       : "nested too deep: lists and mappings nest at most " + depth + " levels deep";
}

// Parses one JSON value of the file at a time with simdjson, into a node that is reused.
class value_reader {
 public:
  value_reader(std::string_view bytes, locator& loc, source_reader& rd) : bytes_(bytes), loc_(&loc), rd_(&rd) {}

  // Parses bytes [begin, end) of the file, nested in `depth` lists and mappings, into `out`;
  // false when that failed (and was reported).
  auto read(std::size_t begin, std::size_t end, std::size_t depth, source_node& out) -> bool {
    if (begin > end || end > bytes_.size()) {  // the first pass found more than is there now
      report(std::min(begin, bytes_.size()),
             rd_->pick("the file changed while it was read", "文件在读取过程中被改动了"));
      return false;
    }
    if (json_flat_items) {
      if (const auto read = flat(begin, end, depth, out)) return *read;
    }
    const std::size_t len = end - begin;
    if (scratch_.size() < len + simdjson::SIMDJSON_PADDING) scratch_.resize(len + simdjson::SIMDJSON_PADDING);
    std::memcpy(scratch_.data(), bytes_.data() + begin, len);
    std::memset(scratch_.data() + len, ' ', simdjson::SIMDJSON_PADDING);
    begin_ = begin;
    od::document doc;
    auto error = parser_.iterate(scratch_.data(), len, scratch_.size()).get(doc);
    const bool iterated = !error;
    if (!error) error = convert(doc, out, depth);
    if (!error) return true;
    if (!failed_) {
      // Where simdjson stopped, when it can say; else the start of the value.
      std::size_t at = begin;
      const char* where = nullptr;
      const std::string_view text(scratch_.data(), len);
      std::size_t bad = len;
      if (error == simdjson::UTF8_ERROR) {
        bad = invalid_utf8_at(text, /*nul_is_bad=*/false);
        if (bad == std::string_view::npos) bad = len;
      }
      if (error == simdjson::UNESCAPED_CHARS || error == simdjson::STRING_ERROR) bad = first_bad_in_string(text);
      if (bad < len) {
        at = begin + bad;
      } else if (iterated && !doc.current_location().get(where) && where != nullptr) {
        at = std::min(offset(where), begin + len);
      }
      report(at, error == simdjson::UTF8_ERROR && bad < len ? not_utf8(text[bad], rd_->language())
                                                            : message(error, rd_->language()));
    }
    return false;
  }
  // Reports a problem at byte `offset` of the file.
  void report(std::size_t at, std::string message) {
    source_node n;
    loc_->place(n, at);
    stop(n, std::move(message));
  }

 private:
  // One key or value of a flat item: where it starts, its text (unescaped: it has no escapes).
  struct piece {
    std::size_t at = 0;
    std::string_view text;
    source_node::type kind = source_node::type::scalar;
    bool quoted = false;
  };
  // Reads bytes [begin, end) into `out` when they are a mapping of keys to plain values (strings
  // of printable ASCII without escapes, numbers as JSON writes them, true, false, null), as
  // `convert` would: the same node, placed the same, and whether it was read (false: a key given
  // twice, reported). Anything else (nesting, an escape, other bytes, broken syntax) is left to
  // simdjson: nothing, and nothing is placed.
  auto flat(std::size_t begin, std::size_t end, std::size_t depth, source_node& out) -> std::optional<bool> {
    if (!flat_fields(begin, end, depth)) return std::nullopt;
    return flat_node(out);
  }

 public:
  // Reads bytes [begin, end) into `flat_fields()` when they are a flat item (as `flat` says);
  // false, and nothing read, when they are not. Nothing is placed or reported.
  auto flat_fields(std::size_t begin, std::size_t end, std::size_t depth) -> bool {
    flat_.clear();
    if (depth + 1 > max_nesting_depth) return false;
    const char* p = bytes_.data();
    std::size_t i = begin;
    const auto blank = [&] {
      while (i < end && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) ++i;
    };
    // A string of printable ASCII without escapes, its quote under the cursor.
    const auto string = [&](piece& t) {
      t.at = i;
      std::size_t j = i + 1;
#if defined(__SSE2__)
      // 16 bytes at a time: the first quote, and nothing before it below a space, above ASCII
      // (a signed compare finds both) or a backslash.
      for (; j + 16 <= end; j += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
        const auto quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8('"'))));
        const auto odd = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmplt_epi8(block, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(block, _mm_set1_epi8('\\')))));
        if (quotes != 0) {
          const auto first = static_cast<unsigned>(std::countr_zero(quotes));
          if ((odd & ((1U << first) - 1)) != 0) return false;
          j += first;
          break;
        }
        if (odd != 0) return false;
      }
#endif
      while (j < end && p[j] != '"') {
        const auto c = static_cast<unsigned char>(p[j]);
        if (c < 0x20 || c >= 0x80 || c == '\\') return false;
        ++j;
      }
      if (j >= end) return false;
      t.text = std::string_view(p + i + 1, j - i - 1);
      t.kind = source_node::type::scalar;
      t.quoted = true;
      i = j + 1;
      return true;
    };
    const auto word = [&](std::string_view w) {
      if (bytes_.substr(i, w.size()) != w) return false;
      i += w.size();
      return i == end || p[i] == ',' || p[i] == '}' || p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t';
    };
    const auto value = [&](piece& t) {
      t.at = i;
      t.quoted = false;
      t.kind = source_node::type::scalar;
      const char c = i < end ? p[i] : '\0';
      if (c == '"') return string(t);
      if (c == '-' || (c >= '0' && c <= '9')) {
        std::size_t j = i;
        while (j < end && p[j] != ',' && p[j] != '}' && p[j] != ' ' && p[j] != '\n' && p[j] != '\r' && p[j] != '\t') {
          ++j;
        }
        t.text = std::string_view(p + i, j - i);
        i = j;
        return json_number(t.text);
      }
      if (c == 't') return t.text = "true", word("true");
      if (c == 'f') return t.text = "false", word("false");
      if (c == 'n') return t.kind = source_node::type::null, t.text = {}, word("null");
      return false;
    };
    if (i >= end || p[i] != '{') return false;
    open_ = i++;
    fields_.clear();
    blank();
    if (i < end && p[i] == '}') {
      ++i;
    } else {
      for (;;) {
        blank();
        piece key, val;
        if (i >= end || p[i] != '"' || !string(key)) return false;
        blank();
        if (i >= end || p[i] != ':') return false;
        ++i;
        blank();
        if (!value(val)) return false;
        fields_.emplace_back(key, val);
        blank();
        if (i < end && p[i] == ',') {
          ++i;
          continue;
        }
        if (i < end && p[i] == '}') {
          ++i;
          break;
        }
        return false;
      }
    }
    blank();
    if (i != end) return false;
    flat_.reserve(fields_.size());
    for (const auto& [key, val] : fields_) {
      flat_.push_back({key.text, val.text, val.kind == source_node::type::scalar});
    }
    return true;
  }
  // The keys and values `flat_fields` read, in the order they are written.
  [[nodiscard]] auto flat_fields() const -> std::span<const flat_field> { return flat_; }
  // The place (line, column) of the flat item `flat_fields` read.
  auto flat_place() -> source_ref {
    source_node n;
    loc_->place(n, open_);
    return {n.line, n.column};
  }
  // The node of the flat item `flat_fields` read, as `convert` would fill it; false when a key is
  // given twice (reported).
  auto flat_node(source_node& out) -> bool {
    // As convert() fills it: the mapping, then each key and value in the order they are written.
    loc_->place(out, open_);
    out.kind = source_node::type::map;
    out.quoted = false;
    out.text.clear();
    std::size_t k = 0;
    for (const auto& [key, val] : fields_) {
      if (out.keys.size() <= k) out.keys.emplace_back(), out.items.emplace_back();
      auto& kn = out.keys[k];
      loc_->place(kn, key.at);
      kn.kind = source_node::type::scalar;
      kn.quoted = true;
      kn.text.assign(key.text);
      auto& vn = out.items[k];
      loc_->place(vn, val.at);
      vn.kind = val.kind;
      vn.quoted = val.quoted;
      vn.text.assign(val.text);
      vn.keys.clear();
      vn.items.clear();
      ++k;
    }
    out.keys.resize(k);
    out.items.resize(k);
    return duplicate_key(out) == simdjson::SUCCESS;
  }

 private:
  static auto message(simdjson::error_code e, lang l) -> std::string {
    if (l == lang::zh) return message_zh(e);
    switch (e) {
      case simdjson::UTF8_ERROR: return "not valid UTF-8: a file must be UTF-8 text";
      case simdjson::DEPTH_ERROR: return too_deep(l);
      case simdjson::UNESCAPED_CHARS: return "broken JSON: a control character in a string must be escaped";
      case simdjson::STRING_ERROR: return "broken JSON: a bad escape in a string";
      case simdjson::NUMBER_ERROR: return "broken JSON: not a number JSON allows";
      case simdjson::T_ATOM_ERROR:
      case simdjson::F_ATOM_ERROR:
      case simdjson::N_ATOM_ERROR: return "broken JSON: a word JSON does not know (not `true`, `false` or `null`)";
      default: return std::string("broken JSON: ") + simdjson::error_message(e);
    }
  }
  // The same in Chinese; simdjson's own words for the codes that are not said above, too.
  static auto message_zh(simdjson::error_code e) -> std::string {
    const char* what = nullptr;
    switch (e) {
      case simdjson::UTF8_ERROR: return "不是有效的UTF-8：文件必须是UTF-8文本";
      case simdjson::DEPTH_ERROR: return too_deep(lang::zh);
      case simdjson::UNESCAPED_CHARS: what = "字符串中的控制字符必须转义"; break;
      case simdjson::STRING_ERROR: what = "字符串中有错误的转义"; break;
      case simdjson::NUMBER_ERROR: what = "不是JSON允许的数字"; break;
      case simdjson::T_ATOM_ERROR:
      case simdjson::F_ATOM_ERROR:
      case simdjson::N_ATOM_ERROR: what = "无法识别的值：只能是`true`、`false`或`null`"; break;
      case simdjson::CAPACITY: what = "文件太大，超出了解析器的处理能力"; break;
      case simdjson::MEMALLOC: what = "内存不足"; break;
      case simdjson::TAPE_ERROR: what = "逗号或括号多了或少了，或者缺少键"; break;
      case simdjson::UNINITIALIZED: what = "未初始化"; break;
      case simdjson::EMPTY: what = "没有找到JSON内容"; break;
      case simdjson::UNCLOSED_STRING: what = "字符串的引号没有闭合"; break;
      case simdjson::UNSUPPORTED_ARCHITECTURE: what = "simdjson不支持这种CPU架构"; break;
      case simdjson::INCORRECT_TYPE: what = "JSON元素的类型不对"; break;
      case simdjson::NUMBER_OUT_OF_RANGE: what = "数字太大或太小，超出了可表示的范围"; break;
      case simdjson::INDEX_OUT_OF_BOUNDS: what = "JSON数组的下标超出了长度"; break;
      case simdjson::NO_SUCH_FIELD: what = "对象中没有所引用的字段"; break;
      case simdjson::IO_ERROR: what = "读取文件出错"; break;
      case simdjson::INVALID_JSON_POINTER: what = "JSON指针的语法无效"; break;
      case simdjson::INVALID_URI_FRAGMENT: what = "URI片段的语法无效"; break;
      case simdjson::UNEXPECTED_ERROR: what = "意外错误（可能是simdjson的缺陷）"; break;
      case simdjson::PARSER_IN_USE: what = "上一个文档还在使用，不能解析新文档"; break;
      case simdjson::OUT_OF_ORDER_ITERATION: what = "对象和数组只能在第一次遇到时遍历"; break;
      case simdjson::INSUFFICIENT_PADDING: what = "输入缺少simdjson要求的填充字节"; break;
      case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: what = "对象或数组还没结束，文档就结束了"; break;
      case simdjson::SCALAR_DOCUMENT_AS_VALUE: what = "只有一个标量的文档被当作值读取"; break;
      case simdjson::OUT_OF_BOUNDS: what = "访问的位置超出了文档范围"; break;
      case simdjson::TRAILING_CONTENT: what = "JSON后面还有多余的内容"; break;
      default: what = simdjson::error_message(e); break;
    }
    return std::string("JSON格式错误：") + what;
  }
  static auto not_utf8(char c, lang l) -> std::string {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
    return l == lang::zh ? std::string("不是有效的UTF-8（字节") + hex + "）：文件必须是UTF-8文本"
                         : std::string("not valid UTF-8 (byte ") + hex + "): a file must be UTF-8 text";
  }
  // Where in `s` a string goes wrong: its first control character, or the `\` of its first escape
  // JSON does not know (a lone surrogate included); s.size() when none does. simdjson says whether.
  static auto first_bad_in_string(std::string_view s) -> std::size_t {
    const auto hex4 = [&](std::size_t i) -> long {  // the 4 hex digits at i, or -1
      if (i + 4 > s.size()) return -1;
      long v = 0;
      for (std::size_t k = i; k < i + 4; ++k) {
        const char c = s[k];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
      }
      return v;
    };
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (!in_string) {
        in_string = c == '"';
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        return i;
      } else if (c == '\\') {
        const char e = i + 1 < s.size() ? s[i + 1] : '\0';
        if (e != 'u') {
          if (std::strchr("\"\\/bfnrt", e) == nullptr || e == '\0') return i;
          ++i;
          continue;
        }
        const long u = hex4(i + 2);
        if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF)) return i;
        if (u >= 0xD800 && u <= 0xDBFF) {  // a high surrogate: a low one must follow
          const long low = i + 7 < s.size() && s[i + 6] == '\\' && s[i + 7] == 'u' ? hex4(i + 8) : -1;
          if (low < 0xDC00 || low > 0xDFFF) return i;
          i += 6;
        }
        i += 5;
      }
    }
    return s.size();
  }
  auto offset(const char* p) const -> std::size_t {
    return begin_ + static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, p - scratch_.data()));
  }
  void place(source_node& n, std::string_view token) { loc_->place(n, offset(token.data())); }

  static auto raw_token(od::value& v, std::string_view& token) -> simdjson::error_code {
    token = v.raw_json_token();
    return simdjson::SUCCESS;
  }
  static auto raw_token(od::document& d, std::string_view& token) -> simdjson::error_code {
    return d.raw_json_token().get(token);
  }

  template <typename V>
  auto convert(V& v, source_node& n, std::size_t depth) -> simdjson::error_code {
    od::json_type t{};
    std::string_view token;
    if (auto e = v.type().get(t)) {
      // A bare word other than `true`, `false` and `null` (`yes`, `None`) is said to be one.
      const bool word = !raw_token(v, token) && !token.empty() && std::isalpha(static_cast<unsigned char>(token[0]));
      return word ? simdjson::N_ATOM_ERROR : e;
    }
    if (auto e = raw_token(v, token)) return e;
    place(n, token);
    n.quoted = false;
    switch (t) {
      case od::json_type::object: {
        if (depth + 1 > max_nesting_depth) return simdjson::DEPTH_ERROR;
        n.kind = source_node::type::map;
        n.text.clear();
        od::object o;
        if (auto e = v.get_object().get(o)) return e;
        std::size_t k = 0;
        for (auto f : o) {
          od::field field;
          if (auto e = std::move(f).get(field)) return e;
          if (n.keys.size() <= k) n.keys.emplace_back(), n.items.emplace_back();
          auto& key = n.keys[k];
          loc_->place(key, offset(field.key().raw()) - 1);
          std::string_view name;
          if (auto e = field.unescaped_key().get(name)) return e;
          key.kind = source_node::type::scalar;
          key.quoted = true;
          key.text.assign(name);
          if (auto e = convert(field.value(), n.items[k], depth + 1)) return e;
          ++k;
        }
        n.keys.resize(k);
        n.items.resize(k);
        return duplicate_key(n);
      }
      case od::json_type::array: {
        if (depth + 1 > max_nesting_depth) return simdjson::DEPTH_ERROR;
        n.kind = source_node::type::sequence;
        n.text.clear();
        n.keys.clear();
        od::array a;
        if (auto e = v.get_array().get(a)) return e;
        std::size_t k = 0;
        for (auto item : a) {
          od::value iv;
          if (auto e = item.get(iv)) return e;
          if (n.items.size() <= k) n.items.emplace_back();
          if (auto e = convert(iv, n.items[k], depth + 1)) return e;
          ++k;
        }
        n.items.resize(k);
        return simdjson::SUCCESS;
      }
      default: break;
    }
    n.keys.clear();
    n.items.clear();
    switch (t) {
      case od::json_type::string: {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return e;
        n.kind = source_node::type::scalar;
        n.quoted = true;
        n.text.assign(s);
        return simdjson::SUCCESS;
      }
      case od::json_type::number: {
        od::number num;
        const auto e = v.get_number().get(num);
        while (!token.empty() &&
               (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t')) {
          token.remove_suffix(1);
        }
        // A number JSON allows but simdjson cannot hold (`1e999`, 30 digits) is kept as its text.
        if (e && !json_number(token)) return e;
        n.kind = source_node::type::scalar;
        n.text.assign(token);
        return simdjson::SUCCESS;
      }
      case od::json_type::boolean: {
        bool b = false;
        if (auto e = v.get_bool().get(b)) return e == simdjson::INCORRECT_TYPE ? simdjson::T_ATOM_ERROR : e;
        n.kind = source_node::type::scalar;
        n.text = b ? "true" : "false";
        return simdjson::SUCCESS;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto e = v.is_null().get(is_null)) return e == simdjson::INCORRECT_TYPE ? simdjson::N_ATOM_ERROR : e;
        if (!is_null) return simdjson::N_ATOM_ERROR;
        n.kind = source_node::type::null;
        n.text.clear();
        return simdjson::SUCCESS;
      }
      default: return simdjson::INCORRECT_TYPE;
    }
  }

  // Whether `s` is a number as JSON writes one: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  static auto json_number(std::string_view s) -> bool {
    std::size_t i = 0;
    const auto digits = [&] {
      const auto from = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      return i > from;
    };
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0') {
      ++i;
    } else if (!digits()) {
      return false;
    }
    if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      if (!digits()) return false;
    }
    return i == s.size();
  }

  // A key given twice in one mapping is reported (at its second place); mappings of many keys
  // are checked through a hash set, so a hostile one costs linear time.
  auto duplicate_key(const source_node& n) -> simdjson::error_code {
    const auto& keys = n.keys;
    if (keys.size() <= 16) {
      for (std::size_t i = 1; i < keys.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (keys[i].text == keys[j].text) return duplicate(keys[i]);
        }
      }
      return simdjson::SUCCESS;
    }
    std::unordered_set<std::string_view> seen;
    for (const auto& k : keys) {
      if (!seen.insert(k.text).second) return duplicate(k);
    }
    return simdjson::SUCCESS;
  }
  auto duplicate(const source_node& key) -> simdjson::error_code {
    stop(key, rd_->pick("duplicate key `" + key.text + "`", "键`" + key.text + "`重复"));
    return simdjson::TAPE_ERROR;  // reported already; the caller only stops
  }
  void stop(const source_node& n, std::string message) {
    failure_ = load_issue{{rd_->file(), n.line, n.column}, {}, message};
    rd_->error(n, std::move(message));
    failed_ = true;
  }

 public:
  // Takes over the problem another reader (reading ahead on another thread) stopped at.
  void adopt(const value_reader& other) {
    if (!other.failure_) return;
    failure_ = other.failure_;
    source_node n;
    n.line = failure_->where.line;
    n.column = failure_->where.column;
    rd_->error(n, failure_->message);
    failed_ = true;
  }

 private:
  std::string_view bytes_;
  locator* loc_;
  source_reader* rd_;
  od::parser parser_;
  std::vector<char> scratch_;
  std::vector<std::pair<piece, piece>> fields_;  // of the flat item being read
  std::vector<flat_field> flat_;                 // the same, as a loader sees them
  std::size_t open_ = 0;                         // where that item's `{` is
  std::size_t begin_ = 0;

 public:
  bool failed_ = false;                // a problem was reported: nothing more is read
  std::optional<load_issue> failure_;  // that problem
};

class json_source final : public case_source {
 public:
  json_source(std::string file, std::unique_ptr<input> in, std::vector<load_issue>& issues, lang l,
              read_progress progress)
      : file_(std::move(file)), in_(std::move(in)), rd_(file_, issues, l), loc_(in_->bytes()),
        values_(in_->bytes(), loc_, rd_), progress_(std::move(progress)) {}

  auto top() -> const source_node& override {
    if (!scanned_) scan_top();
    return root_;
  }
  [[nodiscard]] auto broken() const -> const load_issue* override {
    return values_.failure_ ? &*values_.failure_ : nullptr;
  }

  // The items of the list, as far as room for them is made: the first pass checked only the
  // list's commas and brackets, so a list of millions of `0`s would have the case's id tables
  // (memory written when made) several times the file's size before the first item is read. No
  // item the loader keeps in a table is shorter than 32 bytes (a shift's two times alone are).
  auto item_count(std::size_t key) -> std::size_t override {
    if (key >= lists_.size() || !lists_[key]) return 0;
    return std::min(lists_[key]->count, lists_[key]->bytes / 32);
  }

  void each_item(std::size_t key, const std::function<void(const source_node&)>& read) override {
    each_item(key, read, {});
  }
  void each_item(std::size_t key, const std::function<void(const source_node&)>& read,
                 const prepare_item& prepare) override {
    if (values_.failed_ || key >= lists_.size() || !lists_[key]) return;
    const auto& list = *lists_[key];
    loading_ = true;
    loc_.seek(list.at);
    in_->restart(list.begin);
    scanner sc(in_->bytes());
    sc.seek(list.begin + 1);  // past the `[`
    // A long list is read on two threads; should no thread start, on this one.
    const bool long_list = list.lengths.size() == list.count && list.count >= 4096 &&
                           std::thread::hardware_concurrency() > 1;
    if (long_list && read_ahead(list, read, json_prepare_items ? prepare : prepare_item{})) {
      std::vector<std::uint32_t>().swap(lists_[key]->lengths);
      return;
    }
    if (list.lengths.size() == list.count) {
      // The first pass found where each item ends: only the separators are stepped over again.
      for (const auto length : list.lengths) {
        separators(sc);
        const auto b = sc.at();
        if (!values_.read(b, b + length, 2, item_)) break;
        read(item_);
        sc.seek(b + length);
        in_->passed(b);
        tell_progress(length);
      }
    } else {
      items(sc, [&](std::size_t b, std::size_t e) {
        if (!values_.read(b, e, 2, item_)) return false;
        read(item_);
        return true;
      });
    }
    std::vector<std::uint32_t>().swap(lists_[key]->lengths);
  }

 private:
  // Steps over what lies between two items of a list.
  static void separators(scanner& sc) {
    while (sc.peek() == ',' || sc.peek() == ' ' || sc.peek() == '\n' || sc.peek() == '\r' || sc.peek() == '\t') {
      sc.skip_byte();
    }
  }

  // A long list on two cores: another thread parses items (simdjson, into nodes) a few batches
  // ahead, while this one loads them into the case. The other thread has its own parser, line
  // counter and place for problems, so nothing is shared but the batches; a problem it meets is
  // taken over here when loading reaches it, so problems come in the same order as on one thread.
  // False when no thread could be started (and nothing was read): the list is then read here.
  template <typename List>
  auto read_ahead(const List& list, const std::function<void(const source_node&)>& read, const prepare_item& prepare)
      -> bool {
    constexpr std::size_t batch_size = 256, batches = 8;
    constexpr std::size_t look_ahead = 8;  // items between `prepare.ahead` and reading
    std::size_t added_plain = 0;           // items `prepare.add` took
    struct batch {
      std::vector<source_node> nodes;
      std::vector<prepared_item> ready;  // what `prepare` worked out for each item: plain ones have no node
      std::vector<std::size_t> begins;
      std::size_t first = 0;  // the index in the list of its first item
      std::size_t count = 0;
      bool failed = false, last = false;
    };
    std::exception_ptr parser_failed;  // what the parsing thread threw, rethrown here
    std::array<batch, batches> ring;
    std::mutex m;
    std::condition_variable cv;
    std::size_t produced = 0, consumed = 0;
    bool stop = false;
    std::vector<load_issue> ahead_issues;
    source_reader ahead_rd(file_, ahead_issues, rd_.language());
    locator ahead_loc(in_->bytes());
    ahead_loc.seek(list.at);
    value_reader ahead(in_->bytes(), ahead_loc, ahead_rd);
    std::thread parser;
    try {
      parser = std::thread([&] {
        scanner sc(in_->bytes());
        sc.seek(list.begin + 1);
        std::size_t i = 0;
        while (i < list.count) {
          {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return produced - consumed < batches || stop; });
            if (stop) return;
          }
          auto& b = ring[produced % batches];
          b.first = i;
          b.count = 0;
          try {
            b.begins.clear();
            while (b.count < batch_size && i < list.count) {
              separators(sc);
              const auto begin = sc.at();
              if (b.nodes.size() <= b.count) b.nodes.emplace_back();
              if (b.ready.size() <= b.count) b.ready.emplace_back();
              auto& ready = b.ready[b.count];
              ready.plain = false;
              if (prepare && json_flat_items && ahead.flat_fields(begin, begin + list.lengths[i], 2)) {
                // A flat item: worked out here from its fields; a plain one needs no node.
                prepare.work(ahead.flat_fields(), ready);
                if (ready.plain) {
                  ready.where = ahead.flat_place();
                } else if (!ahead.flat_node(b.nodes[b.count])) {
                  b.failed = true;
                  break;
                }
              } else if (!ahead.read(begin, begin + list.lengths[i], 2, b.nodes[b.count])) {
                b.failed = true;
                break;
              }
              b.begins.push_back(begin);
              sc.seek(begin + list.lengths[i]);
              ++b.count;
              ++i;
            }
          } catch (...) {  // out of memory: the batch ends here, and loading rethrows it
            parser_failed = std::current_exception();
            b.failed = true;
          }
          b.last = b.failed || i == list.count;
          {
            const std::lock_guard lock(m);
            ++produced;
          }
          cv.notify_all();
          if (b.failed) return;
        }
      });
    } catch (const std::system_error&) {
      return false;
    }
    try {
      for (bool last = false; !last;) {
        batch* b = nullptr;
        {
          std::unique_lock lock(m);
          cv.wait(lock, [&] { return produced > consumed; });
          b = &ring[consumed % batches];
        }
        for (std::size_t k = 0; k < b->count; ++k) {
          if (prepare.ahead && k + look_ahead < b->count && b->ready[k + look_ahead].plain) {
            prepare.ahead(b->ready[k + look_ahead]);
          }
          if (!b->ready[k].plain) {
            read(b->nodes[k]);
          } else if (prepare.add(b->ready[k])) {
            ++added_plain;
          } else {
            // Refused (a problem to report): read as a node after all, here, as it would have been.
            const auto begin = b->begins[k];
            if (!values_.read(begin, begin + list.lengths[b->first + k], 2, item_)) break;
            read(item_);
          }
          in_->passed(b->begins[k]);
          tell_progress(list.lengths[b->first + k]);
        }
        // Reading here failed (it cannot, where the other thread read the same bytes): the end.
        last = b->last || values_.failed_;
        if (b->failed && parser_failed) {
          // The parsing thread ends after a failed batch: it can be joined before rethrowing.
          parser.join();
          std::rethrow_exception(parser_failed);
        }
        if (b->failed) values_.adopt(ahead);
        {
          const std::lock_guard lock(m);
          ++consumed;
          stop = last;  // the other thread may be waiting for room it will not need
        }
        cv.notify_all();
      }
    } catch (...) {
      {
        const std::lock_guard lock(m);
        stop = true;
      }
      cv.notify_all();
      if (parser.joinable()) parser.join();
      throw;
    }
    parser.join();
    json_items_added_plain += added_plain;
    return true;
  }

  struct list_span {
    std::size_t begin = 0;               // the `[`
    locator::mark at;                    // where counting lines resumes
    std::size_t count = 0;               // its items
    std::vector<std::uint32_t> lengths;  // each item's length in bytes, unless one is too long
    std::size_t bytes = 0;               // from `[` to `]`
  };

  // The items of the list whose `[` the scanner has passed: `each(begin, end)` for every one,
  // until it returns false. The list's syntax is checked here; each item's, by simdjson. An item
  // is nested in the root mapping and the list: its own lists and mappings start at level 3.
  template <typename Each>
  void items(scanner& sc, Each&& each) {
    items(
        sc, [](std::size_t) { return false; }, each);
  }
  // The same, with `before(begin)` asked first for every item: true when it has seen to the rest
  // of the list (and left the scanner past its `]`).
  template <typename Before, typename Each>
  void items(scanner& sc, Before&& before, Each&& each) {
    sc.whitespace();
    if (sc.peek() == ']') return sc.skip_byte();
    for (;;) {
      sc.whitespace();
      const auto b = sc.at();
      if (before(b)) return;
      if (auto p = sc.value(2); p != scanner::problem::none) return fail(sc, p, false);
      if (!each(b, sc.at())) return;
      in_->passed(b);
      if (loading_) tell_progress(sc.at() - b);
      sc.whitespace();
      const char c = sc.peek();
      sc.skip_byte();
      if (c == ']') return;
      if (c != ',') {
        return fail_at(sc.at() - 1, sc.done() ? pick("broken JSON: the file ends inside a list",
                                                     "JSON格式错误：列表还没结束，文件就结束了")
                                              : pick("broken JSON: expected `,` or `]` after an item of a list",
                                                     "JSON格式错误：列表项后面应为`,`或`]`"));
      }
    }
  }

  void scan_top() {
    scanned_ = true;
    start_half();
    scan_whole();
    drop_half();
  }

  // The first pass over a big file runs on two threads: another scans from the middle on,
  // guessing that the first line starting past the middle starts an item of a top-level list
  // (as a roster written one item per line does). When this thread's scan reaches that byte as
  // the start of an item, the guess was right and the other scan's findings are taken: they are
  // what this one would have found from there. Otherwise (a guess wrong, a file of one line, a
  // problem in the second half) they are dropped and this thread scans on, as it would have.
  struct half_scan {
    struct entry {
      std::size_t key_begin = 0, key_end = 0, value_begin = 0, value_end = 0;
      bool list = false;
      std::vector<std::uint32_t> lengths;  // a list's, as in `list_span`
      std::size_t count = 0;
    };
    std::size_t from = 0;                // the guessed start of an item
    std::vector<std::uint32_t> lengths;  // of the items from there to the end of their list
    std::size_t count = 0;
    std::size_t list_end = 0;  // past that list's `]`
    std::vector<entry> rest;   // the top-level keys after it
    std::size_t close = 0;     // the top-level `}`
    bool ok = false;           // the scan got there without a problem
    std::atomic<bool> stop{false};
    std::thread thread;

    half_scan() = default;
    half_scan(const half_scan&) = delete;
    auto operator=(const half_scan&) -> half_scan& = delete;
    ~half_scan() {
      stop = true;
      if (thread.joinable()) thread.join();
    }
  };

  void start_half() {
    const auto bytes = in_->bytes();
    if (bytes.size() < json_split_scan_from || std::thread::hardware_concurrency() < 2) return;
    const auto middle = bytes.find('\n', bytes.size() / 2);
    if (middle == std::string_view::npos || middle > bytes.size() / 2 + (std::size_t{1} << 20)) return;
    scanner sc(bytes);
    sc.seek(middle + 1);
    sc.whitespace();
    if (sc.done()) return;
    try {
      auto half = std::make_unique<half_scan>();
      half->from = sc.at();
      half->thread = std::thread([h = half.get(), bytes] {
        try {
          scan_half(bytes, *h);
        } catch (...) {  // out of memory: this thread scans on by itself
          h->ok = false;
        }
      });
      half_ = std::move(half);
    } catch (...) {  // no thread (or no memory) to be had: one thread scans it all
    }
  }
  // Stops and forgets the other half's scan, if there is one.
  void drop_half() { half_.reset(); }
  // The scan from `h.from` on, as `scan_whole` would go from there were it an item's start.
  static void scan_half(std::string_view bytes, half_scan& h) {
    scanner sc(bytes);
    sc.seek(h.from);
    // The items of a list from `sc` on, as `items` finds them; false on a problem.
    const auto list = [&](std::vector<std::uint32_t>& lengths, std::size_t& count) {
      for (;;) {
        if (h.stop) return false;
        sc.whitespace();
        const auto b = sc.at();
        if (sc.value(2) != scanner::problem::none) return false;
        if (sc.at() - b <= std::numeric_limits<std::uint32_t>::max()) {
          lengths.push_back(static_cast<std::uint32_t>(sc.at() - b));
        }
        ++count;
        sc.whitespace();
        const char c = sc.peek();
        sc.skip_byte();
        if (c == ']') return true;
        if (c != ',') return false;
      }
    };
    if (!list(h.lengths, h.count)) return;
    h.list_end = sc.at();
    for (;;) {
      sc.whitespace();
      const char c = sc.peek();
      sc.skip_byte();
      if (c == '}') {
        h.close = sc.at() - 1;
        h.ok = true;
        return;
      }
      if (c != ',') return;
      sc.whitespace();
      half_scan::entry e;
      e.key_begin = sc.at();
      if (sc.peek() != '"' || sc.string() != scanner::problem::none) return;
      e.key_end = sc.at();
      sc.whitespace();
      if (sc.peek() != ':') return;
      sc.skip_byte();
      sc.whitespace();
      e.value_begin = sc.at();
      if (sc.peek() == '[') {
        e.list = true;
        sc.skip_byte();
        sc.whitespace();
        if (sc.peek() == ']') {
          sc.skip_byte();
        } else if (!list(e.lengths, e.count)) {
          return;
        }
      } else if (sc.value(1) != scanner::problem::none) {
        return;
      }
      e.value_end = sc.at();
      h.rest.push_back(std::move(e));
    }
  }
  // This thread's scan is at `half_->from`, an item's start: the other half's items of this list
  // are added to `lengths` and `count`, and the scanner left past its `]`. False (and the other
  // half dropped) when that scan met a problem: this thread scans on, to say what it is.
  auto take_half(scanner& sc, std::vector<std::uint32_t>& lengths, std::size_t& count) -> bool {
    half_->thread.join();
    if (!half_->ok) return false;
    lengths.insert(lengths.end(), half_->lengths.begin(), half_->lengths.end());
    count += half_->count;
    ++json_split_scans_taken;
    sc.seek(half_->list_end);
    return true;
  }
  // The top-level keys after the list the other half's scan ended, and the end of the document,
  // as `scan_whole` would have read them.
  void replay_half(scanner& sc, std::unordered_set<std::string>& seen) {
    const auto half = std::move(half_);
    for (auto& e : half->rest) {
      source_node key;
      if (!values_.read(e.key_begin, e.key_end, 1, key)) return;
      if (!seen.insert(key.text).second) {
        return fail_at(e.key_begin, pick("duplicate key `" + key.text + "`", "键`" + key.text + "`重复"));
      }
      root_.keys.push_back(std::move(key));
      root_.items.emplace_back();
      lists_.emplace_back();
      auto& value = root_.items.back();
      if (e.list) {
        loc_.place(value, e.value_begin);
        value.kind = source_node::type::sequence;
        lists_.back() = list_span{e.value_begin, loc_.here(), e.count, std::move(e.lengths),
                                  e.value_end - e.value_begin};
        list_bytes_ += lists_.back()->bytes;
      } else if (!values_.read(e.value_begin, e.value_end, 1, value)) {
        return;
      }
    }
    sc.seek(half->close + 1);
    after_document(sc);
  }

  void scan_whole() {
    const auto bytes = in_->bytes();
    scanner sc(bytes);
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") sc.seek(3);  // a UTF-8 byte-order mark
    sc.whitespace();
    if (sc.done()) return;  // an empty file is an empty case
    if (sc.peek() != '{') {
      const auto start = sc.at();
      if (sc.peek() == '[') {
        return fail_at(start, pick("the case file must be a mapping of keys to values, not a list",
                                   "案例文件必须是键值映射，不能是列表"));
      }
      if (sc.value(0) != scanner::problem::none) {
        return fail_at(start, pick("broken JSON: the file is not a JSON value", "JSON格式错误：文件不是JSON值"));
      }
      source_node n;
      if (values_.read(start, sc.at(), 0, n)) {
        fail_at(start, pick("the case file must be a mapping of keys to values, not " + rd_.describe_node(n),
                            "案例文件必须是键值映射，不能是" + rd_.describe_node(n)));
      }
      return;
    }
    loc_.place(root_, sc.at());
    root_.kind = source_node::type::map;
    sc.skip_byte();
    sc.whitespace();
    if (sc.peek() == '}') {
      sc.skip_byte();
      return after_document(sc);
    }
    std::unordered_set<std::string> seen;
    for (;;) {
      sc.whitespace();
      if (sc.peek() != '"') {
        return fail_at(sc.at(),
                       sc.done() ? ends_inside_top()
                                 : pick("broken JSON: expected a key in quotes", "JSON格式错误：此处应为带引号的键"));
      }
      const auto key_begin = sc.at();
      if (sc.string() != scanner::problem::none) {
        return fail_at(key_begin, pick("broken JSON: a key's quotes never close", "JSON格式错误：键的引号没有闭合"));
      }
      source_node key;
      if (!values_.read(key_begin, sc.at(), 1, key)) return;
      if (!seen.insert(key.text).second) {
        return fail_at(key_begin, pick("duplicate key `" + key.text + "`", "键`" + key.text + "`重复"));
      }
      sc.whitespace();
      if (sc.peek() != ':') {
        return fail_at(sc.at(), pick("broken JSON: expected `:` after the key `" + key.text + "`",
                                     "JSON格式错误：键`" + key.text + "`后面应为`:`"));
      }
      sc.skip_byte();
      sc.whitespace();
      const auto value_begin = sc.at();
      root_.keys.push_back(std::move(key));
      root_.items.emplace_back();
      lists_.emplace_back();
      auto& value = root_.items.back();
      if (sc.peek() == '[') {
        // A list is streamed later: here only its place, and where it ends.
        loc_.place(value, value_begin);
        value.kind = source_node::type::sequence;
        lists_.back() = list_span{value_begin, loc_.here(), 0, {}};
        sc.skip_byte();
        std::size_t count = 0;
        auto& lengths = lists_.back()->lengths;
        bool joined = false;  // the other half's scan was taken: the rest of the file is known
        const auto meet = [&](std::size_t b) {
          if (!half_ || b < half_->from) return false;
          joined = b == half_->from && take_half(sc, lengths, count);
          if (!joined) drop_half();  // the guess was wrong, or that scan met a problem
          return joined;
        };
        items(sc, meet, [&](std::size_t b, std::size_t e) {
          if (e - b <= std::numeric_limits<std::uint32_t>::max()) lengths.push_back(static_cast<std::uint32_t>(e - b));
          return ++count, true;
        });
        lists_.back()->count = count;
        lists_.back()->bytes = sc.at() - value_begin;
        list_bytes_ += lists_.back()->bytes;
        if (values_.failed_) return;
        if (joined) return replay_half(sc, seen);
      } else {
        if (auto p = sc.value(1); p != scanner::problem::none) return fail(sc, p, true);
        if (!values_.read(value_begin, sc.at(), 1, value)) return;
      }
      sc.whitespace();
      const char c = sc.peek();
      sc.skip_byte();
      if (c == '}') return after_document(sc);
      if (c != ',') {
        return fail_at(sc.at() - 1, sc.done() ? ends_inside_top()
                                              : pick("broken JSON: expected `,` or `}` after a value",
                                                     "JSON格式错误：值后面应为`,`或`}`"));
      }
    }
  }

  void after_document(scanner& sc) {
    sc.whitespace();
    if (!sc.done()) {
      const auto what = shown(sc.peek());
      fail_at(sc.at(), pick(what + " after the end of the document: a file holds exactly one YAML or JSON document",
                            "文档结束后还有" + what + "：一个文件只能有一个YAML或JSON文档"));
    }
  }
  // A problem `p` of the scanner in a value: of the top-level mapping (`top`) or an item of a list.
  void fail(scanner& sc, scanner::problem p, bool top) {
    switch (p) {
      case scanner::problem::too_deep: return fail_at(sc.at(), too_deep(rd_.language()));
      case scanner::problem::end:
      case scanner::problem::unterminated:
        return fail_at(sc.at(),
                       top ? pick("broken JSON: the file ends inside a value", "JSON格式错误：值还没结束，文件就结束了")
                           : pick("broken JSON: the file ends inside an item of a list",
                                  "JSON格式错误：列表项还没结束，文件就结束了"));
      default: {
        const auto what = shown(sc.peek());
        return fail_at(sc.at(), pick("broken JSON: unexpected " + what, "JSON格式错误：此处不应出现" + what));
      }
    }
  }
  [[nodiscard]] auto ends_inside_top() const -> std::string {
    return pick("broken JSON: the file ends inside the top-level mapping",
                "JSON格式错误：顶层映射还没结束，文件就结束了");
  }
  // `en` or `zh`, in the language of messages.
  [[nodiscard]] auto pick(std::string en, std::string zh) const -> std::string {
    return rd_.pick(std::move(en), std::move(zh));
  }
  // A byte for a message: itself when printable ASCII, else its code.
  [[nodiscard]] auto shown(char c) const -> std::string { return shown_byte(c, rd_.language()); }
  void fail_at(std::size_t at, std::string message) {
    values_.report(std::min(at, in_->bytes().size()), std::move(message));
  }
  // Loading has read `bytes` more of the lists (the first pass, which only finds where items end,
  // is not counted: lists are loaded in the loader's order, not the file's).
  void tell_progress(std::size_t bytes) {
    loaded_ += bytes;
    if (!progress_) return;
    constexpr std::size_t step = std::size_t{1} << 20;
    if (loaded_ < told_ + step) return;
    told_ = loaded_;
    progress_(std::min(loaded_, list_bytes_), list_bytes_);
  }

  std::string file_;
  std::unique_ptr<input> in_;
  source_reader rd_;
  locator loc_;
  value_reader values_;
  read_progress progress_;
  std::size_t told_ = 0, loaded_ = 0;
  std::size_t list_bytes_ = 0;  // the bytes of every list, from `[` to `]`
  bool scanned_ = false;
  bool loading_ = false;  // the lists are being loaded (the second pass)
  source_node root_;
  std::vector<std::optional<list_span>> lists_;  // per top-level key: its list, when it is one
  source_node item_;                             // the item being read, reused
  std::unique_ptr<half_scan> half_;              // the first pass's other half, while it runs
};

}  // namespace

auto json_case_source(std::string file, std::string bytes, std::vector<load_issue>& issues, lang l)
    -> std::unique_ptr<case_source> {
  return std::make_unique<json_source>(std::move(file), std::make_unique<input>(std::move(bytes)), issues, l,
                                       read_progress{});
}

auto json_case_file(const std::string& path, std::vector<load_issue>& issues, lang l, read_progress progress)
    -> std::unique_ptr<case_source> {
  auto in = std::make_unique<input>();
  if (auto why = in->open(path, /*regular_only=*/false, l)) {
    issues.push_back({{path, 0, 0}, {}, (l == lang::zh ? "无法读取文件：" : "cannot read file: ") + *why});
    in = std::make_unique<input>(std::string());
  }
  return std::make_unique<json_source>(path, std::move(in), issues, l, std::move(progress));
}

}  // namespace rulebook::detail
