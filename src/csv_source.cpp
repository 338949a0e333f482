// Lists a case keeps in files of their own: CSV exports of WFM tools and punch clocks, often saved
// by Excel in China as GB18030. A header row names the fields; each further row becomes one small
// mapping node, reused from row to row, so a year of punches never exists as a tree. The file is
// mapped, and the pages reading has passed are given back.
//
// Not libcsv (Debian libcsv-dev): it hands over fields without their place in the file, and every
// problem here is `file:line:column`; and it knows nothing of encodings. A GB18030 or GBK file is
// split on its raw bytes (no multi-byte sequence of either holds `,` `"` CR or LF) and only its
// cells are converted (glibc iconv), so a problem keeps the line and byte column of the file as
// saved, and an invalid byte is found where it is. What is left of RFC 4180 is a page of code.
#include "mapped_file.hpp"
#include "source_io.hpp"
#include "utf8.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <iconv.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace rulebook::detail {
namespace {

namespace fs = std::filesystem;

/// The most columns a header may have.
constexpr std::size_t max_columns = 1000;
/// After this many problems in one file the rest of it is not read: a wrong column or encoding
/// would otherwise say the same thing for every row of a year.
constexpr std::size_t max_problems = 100;

using file_bytes = mapped_file;

// `""` in the text of a quoted cell is one `"`.
void unescape_into(std::string_view raw, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    out += raw[i];
    if (raw[i] == '"') ++i;  // INVARIANT: the scanner only lets quotes through in pairs
  }
}

enum class encoding { utf8, gb18030, gbk };

// An encoding as Chinese messages name it (as its standard does).
auto upper_name(encoding e) -> std::string {
  return e == encoding::gb18030 ? "GB18030" : e == encoding::gbk ? "GBK" : "UTF-8";
}

// Turns the bytes of cells into UTF-8 text.
class decoder {
 public:
  // `hint` says how to give the encoding, for a message on bytes that are not UTF-8; messages are
  // in language `l`.
  decoder(encoding e, std::string hint, lang l) : encoding_(e), hint_(std::move(hint)), lang_(l) {}
  decoder(const decoder&) = delete;
  auto operator=(const decoder&) -> decoder& = delete;
  ~decoder() {
    if (cd_ != no_converter()) ::iconv_close(cd_);
  }

  // Gets the converter ready; why it cannot be, when it cannot.
  auto open() -> std::optional<std::string> {
    if (encoding_ == encoding::utf8) return std::nullopt;
    cd_ = ::iconv_open("UTF-8", encoding_ == encoding::gb18030 ? "GB18030" : "GBK");
    if (cd_ == no_converter()) {
      if (lang_ == lang::zh && errno == EINVAL) return std::string("系统不支持这种编码的转换");
      return std::string(std::strerror(errno));
    }
    return std::nullopt;
  }

  // The text of `raw` (the bytes of a cell; a quoted one's `""` made `"` when `escapes`) into
  // `out`; npos, or the offset in `raw` of the first byte that is not valid in the encoding.
  auto decode(std::string_view raw, bool escapes, std::string& out) -> std::size_t {
    // Text in ASCII (without NUL) is the same in every encoding read here.
    const bool ascii = std::all_of(raw.begin(), raw.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u > 0 && u < 0x80;
    });
    if (encoding_ == encoding::utf8 || ascii) {
      if (!ascii) {
        if (const auto bad = invalid_utf8_at(raw); bad != std::string_view::npos) return bad;
      }
      if (escapes) {
        unescape_into(raw, out);
      } else {
        out.assign(raw);
      }
      return std::string_view::npos;
    }
    cut_off_ = false;
    if (const auto nul = raw.find('\0'); nul != std::string_view::npos) return nul;
    ::iconv(cd_, nullptr, nullptr, nullptr, nullptr);
    // UTF-8 is at most 1.5 times as long as GB18030 (two bytes become three).
    if (scratch_.size() < raw.size() * 2 + 8) scratch_.resize(raw.size() * 2 + 8);
    char* in = const_cast<char*>(raw.data());  // iconv's signature; it does not write there
    std::size_t in_left = raw.size();
    char* o = scratch_.data();
    std::size_t o_left = scratch_.size();
    while (in_left > 0) {
      if (::iconv(cd_, &in, &in_left, &o, &o_left) != static_cast<std::size_t>(-1)) continue;
      if (errno == E2BIG) {
        const auto done = static_cast<std::size_t>(o - scratch_.data());
        scratch_.resize(scratch_.size() * 2);
        o = scratch_.data() + done;
        o_left = scratch_.size() - done;
        continue;
      }
      cut_off_ = errno == EINVAL;  // a character cut off at the end, rather than bytes that are none
      return static_cast<std::size_t>(in - raw.data());
    }
    const std::string_view text(scratch_.data(), static_cast<std::size_t>(o - scratch_.data()));
    if (escapes) {
      unescape_into(text, out);  // `"` is ASCII in both encodings: the pairs are still pairs
    } else {
      out.assign(text);
    }
    return std::string_view::npos;
  }

  // What is wrong with the bytes at `bad` of `raw`, in the words of a message.
  [[nodiscard]] auto problem(std::string_view raw, std::size_t bad) const -> std::string {
    const bool zh = lang_ == lang::zh;
    if (raw[bad] == '\0') return zh ? "含有NUL字节：CSV文件必须是文本" : "a NUL byte: a CSV file is text";
    const auto hex = [](char c) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      return std::string(buf);
    };
    if (encoding_ == encoding::utf8) {
      return zh ? "不是有效的UTF-8（字节" + hex(raw[bad]) + "）：" + hint_
                : "not valid UTF-8 (byte " + hex(raw[bad]) + "): " + hint_;
    }
    // In Chinese, as the standards are named: GB18030, GBK.
    const std::string name = zh ? upper_name(encoding_) : encoding_ == encoding::gb18030 ? "gb18030" : "gbk";
    const auto lead = static_cast<unsigned char>(raw[bad]);
    if (cut_off_) {
      return zh ? "不是有效的" + name + "（从字节" + hex(raw[bad]) + "起的字符在单元格末尾被截断）"
                : "not valid " + name + " (a character cut off at the end of the cell, from byte " + hex(raw[bad]) +
                      ")";
    }
    if (lead >= 0x81 && lead <= 0xFE && bad + 1 < raw.size()) {
      return zh ? "不是有效的" + name + "（字节" + hex(raw[bad]) + "后面是" + hex(raw[bad + 1]) + "）"
                : "not valid " + name + " (byte " + hex(raw[bad]) + " followed by " + hex(raw[bad + 1]) + ")";
    }
    return zh ? "不是有效的" + name + "（字节" + hex(raw[bad]) + "）"
              : "not valid " + name + " (byte " + hex(raw[bad]) + ")";
  }

 private:
  // iconv_open's `(iconv_t) -1`.
  static auto no_converter() -> iconv_t {
    return reinterpret_cast<iconv_t>(-1);  // NOLINT(performance-no-int-to-ptr): the C API's failure value
  }

  encoding encoding_;
  std::string hint_;
  lang lang_;
  bool cut_off_ = false;  // of the last bytes found not valid
  iconv_t cd_ = no_converter();
  std::string scratch_;
};

struct place {
  int line = 0;
  int column = 0;
};

// One cell of a record: where its text is in the file.
struct cell {
  std::size_t begin = 0, end = 0;  // its text: of a quoted cell, between the quotes
  place at;                        // where it starts (a quoted cell at its opening quote)
  bool quoted = false;
  bool escapes = false;  // its text holds `""`
};

// What the scanner found of one record beyond its cells.
struct record {
  place at;               // where it starts
  std::size_t count = 0;  // its cells, all of them
  place extra;            // where the cell past the limit is (line 0: there is none)
  place stray;            // where text follows a closing quote (line 0: nowhere)
  char stray_char = 0;    // that text's first byte
  std::size_t end = 0;    // the offset after it
};

// Splits CSV text into records (RFC 4180: `,` between cells, `"` around a cell holding `,` `"`
// or a line break, `""` for a quote inside one; lines end in LF, CRLF or CR). Linear in the text
// whatever it holds: a record's cells past a limit are counted, not kept.
class scanner {
 public:
  enum class stop { record, end, unterminated };

  scanner(std::string_view text, std::size_t start) : s_(text), pos_(start), line_start_(start) {}

  // The next record that is not a blank line: its first `limit` cells into `cells`.
  auto next(std::vector<cell>& cells, std::size_t limit, record& r) -> stop {
    cells.clear();
    r = record{};
    const std::size_t n = s_.size();
    while (pos_ < n && (s_[pos_] == '\n' || s_[pos_] == '\r')) line_break();
    if (pos_ >= n) return stop::end;
    r.at = here();
    for (;;) {
      cell c;
      c.at = here();
      if (pos_ < n && s_[pos_] == '"') {
        c.quoted = true;
        c.begin = pos_ + 1;
        for (std::size_t i = c.begin;;) {
          const auto* q = static_cast<const char*>(std::memchr(s_.data() + i, '"', n - i));
          if (q == nullptr) {
            r.stray = c.at;  // where the cell that never ends starts
            pos_ = n;
            return stop::unterminated;
          }
          const auto k = static_cast<std::size_t>(q - s_.data());
          if (k + 1 < n && s_[k + 1] == '"') {
            c.escapes = true;
            i = k + 2;
            continue;
          }
          c.end = k;
          break;
        }
        count_lines(c.begin, c.end);
        pos_ = c.end + 1;
        if (pos_ < n && !ends_cell(s_[pos_])) {
          if (r.stray.line == 0) r.stray = here(), r.stray_char = s_[pos_];
          while (pos_ < n && !ends_cell(s_[pos_])) ++pos_;
        }
      } else {
        c.begin = pos_;
        while (pos_ < n && !ends_cell(s_[pos_])) ++pos_;
        c.end = pos_;
      }
      if (r.count < limit) {
        cells.push_back(c);
      } else if (r.count == limit) {
        r.extra = c.at;
      }
      ++r.count;
      if (pos_ < n && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < n) line_break();
      r.end = pos_;
      return stop::record;
    }
  }

  // Where byte `offset` of cell `c` is (a quoted cell's text may span lines).
  [[nodiscard]] auto place_of(const cell& c, std::size_t offset) const -> place {
    place p = c.at;
    std::size_t line_start = (c.quoted ? c.begin - 1 : c.begin) - static_cast<std::size_t>(c.at.column - 1);
    for (std::size_t i = c.begin; i < offset; ++i) {
      if (s_[i] == '\n' || (s_[i] == '\r' && (i + 1 >= s_.size() || s_[i + 1] != '\n'))) {
        if (p.line < INT_MAX) ++p.line;
        line_start = i + 1;
      }
    }
    p.column = column_at(offset, line_start);
    return p;
  }

 private:
  static auto ends_cell(char ch) -> bool { return ch == ',' || ch == '\n' || ch == '\r'; }
  static auto column_at(std::size_t offset, std::size_t line_start) -> int {
    return static_cast<int>(std::min<std::size_t>(offset - line_start + 1, INT_MAX));
  }
  [[nodiscard]] auto here() const -> place { return {line_, column_at(pos_, line_start_)}; }
  // Steps over the line break at `pos_`: LF, CRLF or CR.
  void line_break() {
    if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    new_line(pos_);
  }
  void new_line(std::size_t start) {
    if (line_ < INT_MAX) ++line_;
    line_start_ = start;
  }
  // Counts the line breaks in the text of a quoted cell.
  void count_lines(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      // LF, or a CR not followed by LF: CRLF is one line break, counted at its LF.
      if (s_[i] == '\n' || (s_[i] == '\r' && (i + 1 >= to || s_[i + 1] != '\n'))) new_line(i + 1);
    }
  }

  std::string_view s_;
  std::size_t pos_;
  int line_ = 1;
  std::size_t line_start_;
};

// A column of the file as the case reads it.
struct column {
  std::string field;     // the field it gives; empty: the column has no header
  bool ignored = false;  // `columns:` maps it to nothing
  place at;              // its header cell
};

auto node_at(place p) -> source_node {
  source_node n;
  n.line = p.line;
  n.column = p.column;
  return n;
}

// While a list's file is read, the case's reader names that file: what the records' loader
// reports is then located in it. Swapped back however reading ends.
class reader_swap {
 public:
  reader_swap(source_reader& a, source_reader& b) : a_(&a), b_(&b) { std::swap(*a_, *b_); }
  reader_swap(const reader_swap&) = delete;
  auto operator=(const reader_swap&) -> reader_swap& = delete;
  ~reader_swap() { std::swap(*a_, *b_); }

 private:
  source_reader* a_;
  source_reader* b_;
};

auto lower(std::string s) -> std::string {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

auto ends_with(std::string_view s, std::string_view tail) -> bool {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Reads the records of one CSV file and hands them over.
class csv_list {
 public:
  csv_list(std::string_view bytes, std::size_t start, decoder& dec, source_reader& rd, file_bytes& file)
      : bytes_(bytes), scan_(bytes, start), dec_(&dec), rd_(&rd), file_(&file) {}

  // Reads the header row; false when it is unusable (and that was reported). `renames` maps
  // headers to field names (an empty name: the column is left out); one not in the header is
  // reported through `spec_rd` at its node.
  auto header(const std::vector<std::tuple<std::string, std::string, const source_node*>>& renames,
              source_reader& spec_rd, const std::string& path) -> bool {
    record r;
    switch (scan_.next(cells_, max_columns, r)) {
      case scanner::stop::end:
        rd_->error(node_at({1, 1}),
                   rd_->pick("the file is empty: a CSV file starts with a header row naming the fields",
                             "文件是空的：CSV文件的第一行应是列出字段名的表头"));
        return false;
      case scanner::stop::unterminated: unterminated(r); return false;
      case scanner::stop::record: break;
    }
    if (r.count > max_columns) {
      const auto count = std::to_string(r.count), most = std::to_string(max_columns);
      rd_->error(node_at(r.extra), rd_->pick("the header has " + count + " columns: a CSV file has at most " + most,
                                             "表头有" + count + "列：CSV文件最多只能有" + most + "列"));
      return false;
    }
    if (r.stray.line != 0) {
      stray(r);
      return false;
    }
    const auto before = rd_->issue_count();
    std::unordered_map<std::string, std::size_t> by_name;
    for (const auto& c : cells_) {
      column col;
      col.at = c.at;
      if (!text_of(c, col.field)) continue;
      if (!col.field.empty() && !by_name.emplace(col.field, columns_.size()).second) {
        const auto first = std::to_string(by_name[col.field] + 1);
        rd_->error(node_at(c.at),
                   rd_->pick("column `" + col.field + "` is in the header twice (first in column " + first + ")",
                             "列`" + col.field + "`在表头中出现了两次（第一次在第" + first + "列）"));
      }
      columns_.push_back(std::move(col));
    }
    if (rd_->issue_count() != before) return false;
    for (const auto& [from, to, node] : renames) {
      const auto it = by_name.find(from);
      if (it == by_name.end()) {
        const auto hint = did_you_mean(from, names(), spec_rd.language());
        spec_rd.error(*node,
                      spec_rd.pick("column `" + from + "` of `columns` is not in the header of `" + path + "`" + hint,
                                   "`columns`中的列`" + from + "`不在`" + path + "`的表头中" + hint));
        continue;
      }
      columns_[it->second].field = to;
      columns_[it->second].ignored = to.empty();
    }
    if (rd_->issue_count() != before) return false;
    // Two columns giving one field (`上班` renamed to `start` beside a `start`) would be a
    // duplicate key in every record: said once, here.
    std::unordered_map<std::string, std::size_t> by_field;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const auto& col = columns_[i];
      if (col.field.empty() || col.ignored) continue;
      if (const auto [it, fresh] = by_field.emplace(col.field, i); !fresh) {
        const auto a = std::to_string(it->second + 1), b = std::to_string(i + 1);
        rd_->error(node_at(col.at), rd_->pick("columns " + a + " and " + b + " both give the field `" + col.field + "`",
                                              "第" + a + "列和第" + b + "列都对应字段`" + col.field + "`"));
      }
    }
    for (const auto& col : columns_) header_places_.insert(key_of(col.at));
    return rd_->issue_count() == before;
  }

  // Calls `read` with each record, as a mapping of field names to texts.
  void records(const std::function<void(const source_node&)>& read) {
    const auto first = rd_->issue_count();
    source_node row;
    row.kind = source_node::type::map;
    record r;
    for (;;) {
      if (rd_->issue_count() - first >= max_problems) {
        const auto most = std::to_string(max_problems), line = std::to_string(r.at.line);
        rd_->error(node_at(r.at),
                   rd_->pick("too many problems in this file (" + most + "): reading stopped after line " + line,
                             "这个文件的问题太多（已达" + most + "个），读到第" + line + "行后停止读取"));
        return;
      }
      file_->passed(r.end);  // the records before this one are done with
      const auto got = scan_.next(cells_, columns_.size(), r);
      if (got == scanner::stop::end) return;
      if (got == scanner::stop::unterminated) {
        unterminated(r);
        return;
      }
      if (r.count > columns_.size()) {
        const auto cells = std::to_string(r.count), header = std::to_string(columns_.size());
        rd_->error(node_at(r.extra), rd_->pick("a row of " + cells + " cells under a header of " + header +
                                                   ": a cell holding a comma is written in quotes (`\"a, b\"`)",
                                               "这一行有" + cells + "个单元格，而表头只有" + header +
                                                   "列：含有逗号的单元格要加引号（`\"a, b\"`）"));
        continue;
      }
      if (r.stray.line != 0) {
        stray(r);
        continue;
      }
      if (!fill(row, r)) continue;
      if (row.keys.empty()) continue;  // every cell empty: a blank row of a spreadsheet
      const auto before = rd_->issue_count();
      read(row);
      once_per_column(before);
    }
  }

 private:
  static auto key_of(place p) -> std::uint64_t {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(p.line)) << 32) |
           static_cast<std::uint32_t>(p.column);
  }
  [[nodiscard]] auto names() const -> std::vector<std::string> {
    std::vector<std::string> out;
    for (const auto& c : columns_) out.push_back(c.field);
    return out;
  }

  // The text of cell `c` into `out`; false when its bytes are not valid (and that was reported).
  auto text_of(const cell& c, std::string& out) -> bool {
    const auto raw = bytes_.substr(c.begin, c.end - c.begin);
    const auto bad = dec_->decode(raw, c.escapes, out);
    if (bad == std::string_view::npos) return true;
    rd_->error(node_at(scan_.place_of(c, c.begin + bad)), dec_->problem(raw, bad));
    return false;
  }

  // The record's cells as `row`'s keys and values; false when one is not valid (reported).
  auto fill(source_node& row, const record& r) -> bool {
    row.line = r.at.line;
    row.column = r.at.column;
    std::size_t k = 0;
    bool ok = true;
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      const auto& c = cells_[i];
      const auto& col = columns_[i];
      if (c.end == c.begin || col.ignored) continue;  // an empty cell: the field is absent
      if (col.field.empty()) {
        const auto number = std::to_string(i + 1);
        rd_->error(node_at(c.at),
                   rd_->pick("a value in column " + number +
                                 ", which has no header: name the column, or leave the cell empty",
                             "第" + number + "列没有表头，却有值：请在表头中写上这一列的名称，或清空这个单元格"));
        ok = false;
        continue;
      }
      if (k == row.keys.size()) {
        row.keys.emplace_back();
        row.items.emplace_back();
      }
      auto& value = row.items[k];
      if (!text_of(c, value.text)) {
        ok = false;
        continue;
      }
      value.kind = source_node::type::scalar;
      value.line = c.at.line;
      value.column = c.at.column;
      auto& key = row.keys[k];
      key.kind = source_node::type::scalar;
      key.text = col.field;
      key.line = col.at.line;  // an unknown field is the header's problem: reported there, once
      key.column = col.at.column;
      ++k;
    }
    row.keys.resize(k);
    row.items.resize(k);
    return ok;
  }

  // A problem at a header cell (an unknown field) is said for the first record only, not for each.
  void once_per_column(std::size_t from) {
    auto& issues = rd_->issues();
    std::size_t kept = from;
    for (std::size_t i = from; i < issues.size(); ++i) {
      const auto key = key_of({issues[i].where.line, issues[i].where.column});
      if (issues[i].where.file == rd_->file() && header_places_.contains(key) && !said_.insert(key).second) continue;
      if (kept != i) issues[kept] = std::move(issues[i]);
      ++kept;
    }
    issues.resize(kept);
  }

  void unterminated(const record& r) {
    rd_->error(node_at(r.stray),
               rd_->pick("a quoted cell that is never closed: it runs from here to the end of the file (a quote inside "
                         "a cell is written `\"\"`)",
                         "带引号的单元格没有闭合：从这里一直延续到文件末尾（单元格中的引号要写成`\"\"`）"));
  }
  void stray(const record& r) {
    const auto c = shown_byte(r.stray_char, rd_->language());
    rd_->error(node_at(r.stray),
               rd_->pick(c + " after the closing quote of a cell: a quoted cell ends at its closing "
                             "quote (a quote inside it is written `\"\"`)",
                         "单元格的右引号后面还有" + c + "：带引号的单元格到右引号就结束了（其中的引号要写成`\"\"`）"));
  }

  std::string_view bytes_;
  scanner scan_;
  decoder* dec_;
  source_reader* rd_;
  file_bytes* file_;
  std::vector<cell> cells_;
  std::vector<column> columns_;
  std::unordered_set<std::uint64_t> header_places_, said_;
};

}  // namespace

auto external_list(const std::string& case_path, const source_node& spec, std::string_view section, source_reader& rd,
                   const std::function<void(const source_node&)>& read, const std::function<void()>& after)
    -> std::string {
  const std::string what = "`" + std::string(section) + "`";
  // A spec the caller built (`rulebook check shifts=roster.csv`) has no place in the case: its
  // problems are the file's, and its file is named as the caller named it.
  const bool placed = spec.line > 0;
  const auto* given = spec.find("file");
  source_reader spec_rd = placed ? rd : source_reader(given ? given->text : std::string(), rd.issues(), rd.language());
  const bool zh = rd.language() == lang::zh;
  const auto before = spec_rd.issue_count();
  field_reader f(spec_rd, spec, what);
  const auto* file_node = f.required("file");
  const auto file = file_node ? spec_rd.text(*file_node, f.what_of("file")) : std::nullopt;
  encoding enc = encoding::utf8;
  const auto* enc_node = f.optional("encoding");
  if (enc_node != nullptr) {
    if (const auto name = spec_rd.text(*enc_node, f.what_of("encoding"))) {
      const auto n = lower(*name);
      if (n == "utf-8" || n == "utf8") {
        enc = encoding::utf8;
      } else if (n == "gb18030") {
        enc = encoding::gb18030;
      } else if (n == "gbk") {
        enc = encoding::gbk;
      } else {
        const auto hint = did_you_mean(n, std::vector<std::string>{"utf-8", "gb18030", "gbk"}, spec_rd.language());
        spec_rd.error(*enc_node, zh ? what + "的编码`" + *name + "`未知" +
                                          (hint.empty() ? "：编码只能是`utf-8`、`gb18030`或`gbk`" : hint)
                                    : "unknown encoding `" + *name + "` of " + what +
                                          (hint.empty() ? ": it is `utf-8`, `gb18030` or `gbk`" : hint));
      }
    }
  }
  // header → field (empty: left out), and the node that says so.
  std::vector<std::tuple<std::string, std::string, const source_node*>> renames;
  if (const auto* cols = f.optional("columns")) {
    if (cols->kind != source_node::type::map) {
      spec_rd.error(*cols, f.what_of("columns") +
                               spec_rd.pick(" must be a mapping of the file's headers to field names, not ",
                                            "必须是从文件表头到字段名的映射，不能是") +
                               spec_rd.describe_node(*cols));
    } else {
      for (std::size_t i = 0; i < cols->keys.size(); ++i) {
        const auto& to = cols->items[i];
        if (to.kind == source_node::type::null) {
          renames.emplace_back(cols->keys[i].text, std::string(), &cols->keys[i]);
        } else if (auto name = spec_rd.text(to, zh ? "列`" + cols->keys[i].text + "`对应的字段"
                                                   : "the field of column `" + cols->keys[i].text + "`")) {
          renames.emplace_back(cols->keys[i].text, *name, &cols->keys[i]);
        }
      }
    }
  }
  f.finish();
  if (spec_rd.issue_count() != before || !file) return {};
  if (ends_with(lower(*file), ".yaml") || ends_with(lower(*file), ".yml") || ends_with(lower(*file), ".json")) {
    spec_rd.error(*file_node, f.what_of("file") +
                                  spec_rd.pick(" names `" + *file +
                                                   "`: a list's own file is CSV (a header row naming the fields, then "
                                                   "a row per record), not YAML or JSON",
                                               "是`" + *file +
                                                   "`：列表单独存放的文件必须是CSV（第一行是列出字段名的表头，之后每条"
                                                   "记录一行），不能是YAML或JSON"));
    return {};
  }
  std::string path = placed && fs::path(*file).is_relative() ? (fs::path(case_path).parent_path() / *file).string()
                                                             : *file;

  file_bytes bytes;
  if (auto why = bytes.open(path, /*regular_only=*/true, rd.language())) {
    std::string message;
    if (placed) {
      message = zh ? "无法读取" + what + "的文件`" + path + "`：" + *why
                   : "cannot read `" + path + "`, the file of " + what + ": " + *why;
    } else {
      message = (zh ? "无法读取文件：" : "cannot read file: ") + *why;
    }
    spec_rd.error(*file_node, std::move(message));
    return {};
  }
  // How the encoding is given, for a message on bytes that are not UTF-8.
  const char* hint = nullptr;
  if (zh) {
    hint = placed ? "CSV文件按UTF-8读取，除非它的`encoding`另有说明（中文版Excel保存的CSV文件一般用`gb18030`）"
                  : "CSV文件按UTF-8读取，除非用`--encoding`另行指定（中文版Excel保存的CSV文件一般用`gb18030`）";
  } else {
    hint = placed ? "a CSV file is UTF-8 unless its `encoding` says otherwise (`gb18030` for Excel in Chinese)"
                  : "a CSV file is UTF-8 unless `--encoding` says otherwise (`gb18030` for Excel in Chinese)";
  }
  decoder dec(enc, hint, rd.language());
  if (auto why = dec.open()) {
    spec_rd.error(enc_node != nullptr ? *enc_node : *file_node,
                  zh ? "无法从" + upper_name(enc) + "编码转换：" + *why
                     : "cannot convert from " + lower(enc_node ? enc_node->text : "") + ": " + *why);
    return {};
  }
  // From here on the case's reader names the CSV file: what the records' loader reports is located
  // in it. `spec_rd`, a copy, still names the case.
  source_reader csv_rd(path, rd.issues(), rd.language());
  const reader_swap in_file(rd, csv_rd);
  const auto text = bytes.bytes();
  std::size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {  // a UTF-8 byte-order mark, as Excel's "CSV UTF-8" writes
    if (enc != encoding::utf8) {
      rd.error(node_at({1, 1}), zh ? "文件以UTF-8的字节顺序标记（BOM）开头：它是UTF-8编码，不是" + upper_name(enc) +
                                         "编码（请去掉它的`encoding`）"
                                   : "the file starts with a UTF-8 byte-order mark: it is UTF-8, not " +
                                         lower(enc_node->text) + " (leave out its `encoding`)");
      return path;
    }
    start = 3;
  } else if (enc == encoding::gb18030 && text.substr(0, 4) == "\x84\x31\x95\x33") {
    start = 4;  // GB18030's own byte-order mark
  } else if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    rd.error(node_at({1, 1}), rd.pick("the file is UTF-16 (Excel's \"Unicode Text\"): save it as \"CSV UTF-8\"",
                                      "文件是UTF-16编码（Excel的“Unicode文本”）：请另存为“CSV UTF-8（逗号分隔）”"));
    return path;
  }
  if (enc != encoding::utf8) {
    // UTF-8 Chinese is mostly valid GB18030 too, and would come out garbled ("张三" as "寮犱笁"); a
    // file in GB18030 is hardly ever valid UTF-8. So a file that is all valid UTF-8 is taken for
    // what it is, and said to be.
    const auto wide = std::find_if(text.begin() + static_cast<std::ptrdiff_t>(start), text.end(),
                                   [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
    if (wide != text.end() && invalid_utf8_at(text) == std::string_view::npos) {
      const auto at = static_cast<std::size_t>(wide - text.begin());
      const auto line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
      const place where{static_cast<int>(std::count(text.begin(), wide, '\n')) + 1,
                        static_cast<int>(at - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1};
      rd.error(node_at(where), zh ? "文件是UTF-8编码（每个字节都符合UTF-8），不是" + upper_name(enc) + "编码" +
                                        (placed ? "：请去掉它的`encoding`" : "：请去掉`--encoding`")
                                  : "the file is UTF-8 (every byte of it is), not " + lower(enc_node->text) +
                                        (placed ? ": leave out its `encoding`" : ": leave out `--encoding`"));
      return path;
    }
  }
  csv_list list(text, start, dec, rd, bytes);
  if (!list.header(renames, spec_rd, path)) return path;
  list.records(read);
  if (after) after();
  return path;
}

namespace {

// A case's top level with some of its lists read from files the caller names.
class section_files_source final : public case_source {
 public:
  section_files_source(std::unique_ptr<case_source> inner, std::span<const section_file> files)
      : inner_(std::move(inner)), files_(files.begin(), files.end()) {}

  auto top() -> const source_node& override {
    if (top_ != nullptr) return *top_;
    const source_node* in = inner_ ? &inner_->top() : nullptr;
    if (in != nullptr && in->kind != source_node::type::map && in->kind != source_node::type::null) {
      return *(top_ = in);  // not a mapping: the loader says so
    }
    root_.kind = source_node::type::map;
    std::vector<bool> used(files_.size(), false);
    const auto file_of = [&](const std::string& section) -> std::size_t {
      for (std::size_t i = 0; i < files_.size(); ++i) {
        if (files_[i].section == section) return i;
      }
      return files_.size();
    };
    if (in != nullptr && in->kind == source_node::type::map) {
      root_.line = in->line;
      root_.column = in->column;
      for (std::size_t i = 0; i < in->keys.size(); ++i) {
        root_.keys.push_back(in->keys[i]);
        inner_key_.push_back(i);
        const auto& item = in->items[i];
        if (const auto f = file_of(in->keys[i].text); f != files_.size()) {
          // The command line wins over the case's own list.
          root_.items.push_back(spec_of(files_[f]));
          used[f] = true;
        } else if (item.kind == source_node::type::sequence) {
          // The list stays where it is, read through `each_item`: no copy of a parsed document.
          source_node list;
          list.kind = item.kind;
          list.line = item.line;
          list.column = item.column;
          root_.items.push_back(std::move(list));
        } else {
          root_.items.push_back(item);
        }
      }
    }
    for (std::size_t f = 0; f < files_.size(); ++f) {
      if (used[f]) continue;
      source_node key;
      key.kind = source_node::type::scalar;
      key.text = files_[f].section;
      root_.keys.push_back(std::move(key));
      root_.items.push_back(spec_of(files_[f]));
      inner_key_.push_back(0);
    }
    return *(top_ = &root_);
  }

  void each_item(std::size_t key, const std::function<void(const source_node&)>& read) override {
    each_item(key, read, {});
  }
  void each_item(std::size_t key, const std::function<void(const source_node&)>& read,
                 const prepare_item& prepare) override {
    inner_->each_item(top_ != &root_ ? key : inner_key_.at(key), read, prepare);
  }

  auto item_count(std::size_t key) -> std::size_t override {
    if (!inner_) return 0;
    return inner_->item_count(top_ != &root_ ? key : inner_key_.at(key));
  }

  [[nodiscard]] auto broken() const -> const load_issue* override { return inner_ ? inner_->broken() : nullptr; }

 private:
  // `{file: …, encoding: …, columns: {…}}`, with no place: the caller's, not the case's.
  static auto spec_of(const section_file& f) -> source_node {
    const auto scalar = [](std::string text) {
      source_node n;
      n.kind = source_node::type::scalar;
      n.text = std::move(text);
      return n;
    };
    source_node spec;
    spec.kind = source_node::type::map;
    spec.keys.push_back(scalar("file"));
    spec.items.push_back(scalar(f.path));
    spec.keys.push_back(scalar("encoding"));
    spec.items.push_back(scalar(f.encoding));
    if (!f.columns.empty()) {
      source_node cols;
      cols.kind = source_node::type::map;
      for (const auto& [from, to] : f.columns) {
        cols.keys.push_back(scalar(from));
        cols.items.push_back(to.empty() ? source_node{} : scalar(to));
      }
      spec.keys.push_back(scalar("columns"));
      spec.items.push_back(std::move(cols));
    }
    return spec;
  }

  std::unique_ptr<case_source> inner_;
  std::vector<section_file> files_;
  source_node root_;
  std::vector<std::size_t> inner_key_;  // for each key of root_, its index in the inner top level
  const source_node* top_ = nullptr;
};

}  // namespace

auto with_section_files(std::unique_ptr<case_source> inner, std::span<const section_file> files)
    -> std::unique_ptr<case_source> {
  return std::make_unique<section_files_source>(std::move(inner), files);
}

}  // namespace rulebook::detail
