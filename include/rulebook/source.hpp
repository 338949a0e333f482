// A parsed input document (YAML or JSON) with the position of every node, and a reader that
// turns nodes into typed values while collecting every problem with its place. Rule kinds read
// their parameters through `field_reader`; how files become nodes is private to the library.
#pragma once

#include <rulebook/error.hpp>
#include <rulebook/lang.hpp>
#include <rulebook/time.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// One node of an input document. Built by the loaders; rule kinds read their parameters from it.
struct source_node {
  /// What a node holds: nothing, one value, a list, or keys with values.
  enum class type : std::uint8_t { null, scalar, sequence, map };
  /// What this node holds.
  type kind = type::null;
  bool quoted = false;  ///< a quoted scalar is always text (`"true"` is not a boolean)
  int line = 0;         ///< from 1; 0 when unknown
  /// The column, from 1; 0 when unknown.
  int column = 0;
  std::string text;                ///< a scalar's text
  std::vector<source_node> items;  ///< a sequence's items, or a map's values
  std::vector<source_node> keys;   ///< a map's keys, parallel to `items`

  /// The value under `key` in a map, or nullptr. O(n) in the keys: to read many keys of a big
  /// mapping, use a `field_reader`.
  [[nodiscard]] auto find(std::string_view key) const -> const source_node* {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i].text == key) return &items[i];
    }
    return nullptr;
  }
};

namespace detail {

/// Edit distance, for "did you mean" hints.
inline auto edit_distance(std::string_view a, std::string_view b) -> std::size_t {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t prev = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

}  // namespace detail

/// The longest word a "did you mean" hint is looked for: a longer one is no typo of a name.
inline constexpr std::size_t did_you_mean_max_length = 64;

/// The closest of `candidates` to `word`, if one is close enough to be a likely typo, as the end of
/// a message: ": did you mean `x`?" (in Chinese "：是不是`x`？"), or an empty string.
/// @par Complexity O(n·w²) for n candidates and a word of w characters, w at most
/// `did_you_mean_max_length`; candidates whose length alone rules them out cost O(1).
template <typename Names = std::vector<std::string>>
inline auto did_you_mean(std::string_view word, const Names& candidates, lang l = lang::en) -> std::string {
  if (word.size() > did_you_mean_max_length) return {};
  std::string best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::string_view cv(c);
    // The difference in length is a lower bound of the edit distance.
    const auto gap = cv.size() > word.size() ? cv.size() - word.size() : word.size() - cv.size();
    if (gap >= best_d) continue;
    const auto d = detail::edit_distance(word, cv);
    if (d < best_d) best_d = d, best = std::string(cv);
  }
  if (best.empty()) return {};
  return l == lang::zh ? "：是不是`" + best + "`？" : ": did you mean `" + best + "`?";
}

/// Reads typed values out of source nodes; every problem becomes a `load_issue` with its place,
/// its message in the reader's language.
class source_reader {
 public:
  /// Reads nodes of `file`, adding every problem to `issues`, in language `l`.
  source_reader(std::string file, std::vector<load_issue>& issues, lang l = lang::en)
      : file_(std::move(file)), issues_(&issues), lang_(l) {}

  /// Records a problem at `node`.
  void error(const source_node& node, std::string message) {
    issues_->push_back({{file_, node.line, node.column}, {}, std::move(message)});
  }
  /// The file being read, as named in messages.
  [[nodiscard]] auto file() const -> const std::string& { return file_; }
  /// How many problems have been found so far.
  [[nodiscard]] auto issue_count() const -> std::size_t { return issues_->size(); }
  /// Where problems go: a reader of another file (a CSV file a case names) adds to the same list.
  [[nodiscard]] auto issues() const -> std::vector<load_issue>& { return *issues_; }
  /// The language messages are written in.
  [[nodiscard]] auto language() const -> lang { return lang_; }
  /// `en` or `zh` text, whichever messages are written in: `rd.error(n, rd.pick("…", "…"))`.
  [[nodiscard]] auto pick(std::string en, std::string zh) const -> std::string {
    return lang_ == lang::zh ? std::move(zh) : std::move(en);
  }

  /// What `n` is, in the words of a message: "a list", "`abc`", "nothing" (in Chinese 列表, `abc`, 空值).
  static auto describe(const source_node& n, lang l = lang::en) -> std::string {
    const bool zh = l == lang::zh;
    switch (n.kind) {
      case source_node::type::null: return zh ? "空值" : "nothing";
      case source_node::type::scalar: return n.text.empty() ? (zh ? "空文本" : "an empty text") : "`" + n.text + "`";
      case source_node::type::sequence: return zh ? "列表" : "a list";
      case source_node::type::map: return zh ? "映射" : "a mapping";
    }
    return zh ? "值" : "a value";
  }
  /// What `n` is, in the reader's language.
  [[nodiscard]] auto describe_node(const source_node& n) const -> std::string { return describe(n, lang_); }
  /// `key` of the thing `what` names, in the reader's language: "`end` of shift `S1`" (班次`S1`的`end`).
  [[nodiscard]] auto key_of(std::string_view key, const std::string& what) const -> std::string {
    const std::string k(key);
    return pick("`" + k + "` of " + what, what + "的`" + k + "`");
  }

  /// The text of `n`; anything else, or empty text, is an error.
  auto text(const source_node& n, std::string_view what) -> std::optional<std::string> {
    if (n.kind != source_node::type::scalar || n.text.empty()) {
      const auto w = [what] { return std::string(what); };  // built only for a message
      error(n, pick(w() + " must be text, not " + describe_node(n), w() + "必须是文本，不能是" + describe_node(n)));
      return std::nullopt;
    }
    return n.text;
  }
  /// `true` or `false`, unquoted; anything else is an error.
  auto boolean(const source_node& n, std::string_view what) -> std::optional<bool> {
    if (n.kind == source_node::type::scalar && !n.quoted) {
      if (n.text == "true") return true;
      if (n.text == "false") return false;
    }
    const auto w = [what] { return std::string(what); };  // built only for a message
    if (n.kind == source_node::type::scalar && n.quoted && (n.text == "true" || n.text == "false")) {
      error(n, pick(w() + " must be `true` or `false` without quotes: quoted, `" + n.text + "` is text",
                    w() + "必须是不加引号的`true`或`false`：加了引号的`" + n.text + "`是文本"));
      return std::nullopt;
    }
    error(n, pick(w() + " must be `true` or `false`, not " + describe_node(n),
                  w() + "必须是`true`或`false`，不能是" + describe_node(n)));
    return std::nullopt;
  }
  /// A whole number from `min` to `max`; anything else is an error. A kind that does date
  /// arithmetic with the number gives a `max` (e.g. 3650 days), so the arithmetic cannot overflow.
  auto integer(const source_node& n, std::string_view what, std::int64_t min = 0,
               std::int64_t max = std::numeric_limits<std::int64_t>::max()) -> std::optional<std::int64_t> {
    const auto w = [what] { return std::string(what); };  // built only for a message
    if (n.kind == source_node::type::scalar && !n.quoted && !n.text.empty() && n.text.size() < 16) {
      std::size_t i = n.text[0] == '-' ? 1 : 0;
      bool ok = i < n.text.size();
      std::int64_t v = 0;
      for (; i < n.text.size() && ok; ++i) {
        ok = n.text[i] >= '0' && n.text[i] <= '9';
        v = v * 10 + (n.text[i] - '0');
      }
      if (ok) {
        if (n.text[0] == '-') v = -v;
        if (v >= min && v <= max) return v;
        if (v < min) {
          error(n, pick(w() + " must be at least " + std::to_string(min) + ", not `" + n.text + "`",
                        w() + "至少为" + std::to_string(min) + "，不能是`" + n.text + "`"));
        } else {
          error(n, pick(w() + " must be at most " + std::to_string(max) + ", not `" + n.text + "`",
                        w() + "至多为" + std::to_string(max) + "，不能是`" + n.text + "`"));
        }
        return std::nullopt;
      }
    }
    error(n, pick(w() + " must be a whole number, not " + describe_node(n),
                  w() + "必须是整数，不能是" + describe_node(n)));
    return std::nullopt;
  }
  /// A date like `2026-03-02`; an impossible date, or one outside the years `min_year` to
  /// `max_year`, is an error.
  auto date_value(const source_node& n, std::string_view what) -> std::optional<date> {
    const auto w = [what] { return std::string(what); };  // built only for a message
    if (n.kind == source_node::type::scalar) {
      if (auto d = parse_date(n.text)) return d;
      if (n.text.size() == 10 && n.text[4] == '-' && n.text[7] == '-') {
        error(n, year_out_of_range(n.text)
                     ? out_of_range("date", "日期", n.text, w())
                     : pick("impossible date `" + n.text + "` in " + w(), w() + "中的日期`" + n.text + "`不存在"));
        return std::nullopt;
      }
    }
    error(n, pick(w() + " must be a date like `2026-03-02`, not " + describe_node(n),
                  w() + "必须是形如`2026-03-02`的日期，不能是" + describe_node(n)));
    return std::nullopt;
  }
  /// A time like `2026-03-02T08:00`; an impossible one is an error.
  auto time_value(const source_node& n, std::string_view what) -> std::optional<time_point> {
    const auto w = [what] { return std::string(what); };  // built only for a message
    if (n.kind == source_node::type::scalar) {
      if (auto t = parse_time_point(n.text)) return t;
      if (n.text.size() >= 16 && n.text[4] == '-' && n.text[7] == '-' && n.text[13] == ':') {
        const auto day = n.text.substr(0, 10);
        const auto clock = n.text.substr(11);
        error(n, year_out_of_range(day) ? out_of_range("time", "时间", n.text, w())
                 : parse_date(day)
                     ? pick("impossible time of day `" + clock + "` in " + w(), w() + "中的时刻`" + clock + "`不存在")
                     : pick("impossible date `" + day + "` in " + w(), w() + "中的日期`" + day + "`不存在"));
        return std::nullopt;
      }
    }
    error(n, pick(w() + " must be a time like `2026-03-02T08:00`, not " + describe_node(n),
                  w() + "必须是形如`2026-03-02T08:00`的时间，不能是" + describe_node(n)));
    return std::nullopt;
  }
  /// A month like `2026-03`.
  auto month_value(const source_node& n, std::string_view what) -> std::optional<month> {
    const auto w = [what] { return std::string(what); };  // built only for a message
    if (n.kind == source_node::type::scalar) {
      if (auto m = parse_month(n.text)) return m;
      if (n.text.size() == 7 && n.text[4] == '-' && year_out_of_range(n.text)) {
        error(n, out_of_range("month", "月份", n.text, w()));
        return std::nullopt;
      }
    }
    error(n, pick(w() + " must be a month like `2026-03`, not " + describe_node(n),
                  w() + "必须是形如`2026-03`的月份，不能是" + describe_node(n)));
    return std::nullopt;
  }
  /// A duration with its unit, like `24h`, `20min` or `2d`; a bare number is an error.
  auto duration_value(const source_node& n, std::string_view what) -> std::optional<duration> {
    const auto w = [what] { return std::string(what); };  // built only for a message
    if (n.kind == source_node::type::scalar && !n.text.empty()) {
      std::int64_t seconds = 0;
      switch (detail::parse_duration_seconds(n.text, seconds)) {
        case detail::duration_problem::none: return duration(0, 0, static_cast<duration::sec_type>(seconds));
        case detail::duration_problem::too_long:
          error(n, pick(w() + " `" + n.text + "` is too long: a duration is at most " +
                            std::to_string(max_duration_days) + "d",
                        w() + "写成了`" + n.text + "`，太长：时长至多为" + std::to_string(max_duration_days) + "天"));
          return std::nullopt;
        case detail::duration_problem::malformed: break;
      }
      if (n.text[0] == '-') {
        error(n, pick(w() + " cannot be negative: `" + n.text + "`", w() + "不能为负：`" + n.text + "`"));
        return std::nullopt;
      }
      if (std::all_of(n.text.begin(), n.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const auto& t = n.text;
        error(n, pick(w() + " `" + t + "` has no unit: write it like `" + t + "min`, `" + t + "h` or `" + t + "d`",
                      w() + "写成了`" + t + "`，没有单位：请写成`" + t + "min`、`" + t + "h`或`" + t + "d`"));
        return std::nullopt;
      }
    }
    error(n, pick(w() + " must be a duration like `24h`, `20min` or `2d`, not " + describe_node(n),
                  w() + "必须是形如`24h`、`20min`或`2d`的时长，不能是" + describe_node(n)));
    return std::nullopt;
  }
  /// A time of day like `12:00`, as the time since midnight.
  auto time_of_day_value(const source_node& n, std::string_view what) -> std::optional<duration> {
    if (n.kind == source_node::type::scalar) {
      if (auto t = parse_time_of_day(n.text)) return t;
    }
    const auto w = [what] { return std::string(what); };  // built only for a message
    error(n, pick(w() + " must be a time of day like `12:00`, not " + describe_node(n),
                  w() + "必须是形如`12:00`的时刻，不能是" + describe_node(n)));
    return std::nullopt;
  }
  /// A scalar or a list of scalars, as a list.
  auto text_list(const source_node& n, std::string_view what) -> std::vector<std::string> {
    std::vector<std::string> out;
    if (n.kind == source_node::type::scalar) {
      if (auto t = text(n, what)) out.push_back(*t);
    } else if (n.kind == source_node::type::sequence) {
      for (const auto& item : n.items) {
        if (auto t = text(item, what)) out.push_back(*t);
      }
    } else {
      const auto w = [what] { return std::string(what); };  // built only for a message
      error(n, pick(w() + " must be a name or a list of names, not " + describe_node(n),
                    w() + "必须是一个名称或名称列表，不能是" + describe_node(n)));
    }
    return out;
  }

 private:
  // Whether `text` starts with four digits of a year outside `min_year`..`max_year`.
  static auto year_out_of_range(std::string_view text) -> bool {
    int y = 0;
    return detail::digits(text, 0, 4, y) && (y < min_year || y > max_year);
  }
  // The message for a date, time or month (`en`, `zh`) whose year is outside the range.
  [[nodiscard]] auto out_of_range(const char* en, const char* zh, const std::string& text,
                                  const std::string& what) const -> std::string {
    return pick(std::string(en) + " `" + text + "` in " + what + " is out of range: years run from " +
                    std::to_string(min_year) + " to " + std::to_string(max_year),
                what + "中的" + zh + "`" + text + "`超出范围：年份须在" + std::to_string(min_year) + "到" +
                    std::to_string(max_year) + "之间");
  }

  std::string file_;
  std::vector<load_issue>* issues_;
  lang lang_;
};

/// The keys of one mapping, read one by one; `finish()` reports keys nobody asked for.
class field_reader {
 public:
  /// `what` names the mapping in messages, e.g. "rule `swap-cap`" or "shift `S1`".
  field_reader(source_reader& reader, const source_node& node, std::string what)
      : reader_(&reader), node_(&node), what_(std::move(what)) {
    check_mapping();
  }
  /// A record of kind `kind_en` (`kind_zh` in Chinese) named by its `id` when it has one: "shift
  /// `S1`" (班次`S1`). The name is composed only when a message needs it: a year of records costs
  /// no string each. Both texts must outlive the reader (string literals).
  field_reader(source_reader& reader, const source_node& node, const char* kind_en, const char* kind_zh)
      : reader_(&reader), node_(&node), kind_en_(kind_en), kind_zh_(kind_zh) {
    check_mapping();
  }
  field_reader(const field_reader&) = delete;
  auto operator=(const field_reader&) -> field_reader& = delete;

  /// Whether the node is a mapping (if not, that was reported).
  [[nodiscard]] auto ok() const -> bool { return ok_; }
  /// The mapping being read.
  [[nodiscard]] auto node() const -> const source_node& { return *node_; }
  /// How the mapping is named in messages.
  [[nodiscard]] auto what() const -> const std::string& {
    if (what_.empty() && kind_en_ != nullptr) {
      const auto* id = node_->find("id");
      const bool zh = reader_->language() == lang::zh;
      what_ = zh ? kind_zh_ : kind_en_;
      if (id != nullptr && id->kind == source_node::type::scalar) what_ += (zh ? "`" : " `") + id->text + "`";
    }
    return what_;
  }
  /// How its key `key` is named in messages: "`notice` of rule `R1`" (规则`R1`的`notice`).
  [[nodiscard]] auto what_of(std::string_view key) const -> std::string { return reader_->key_of(key, what()); }
  /// The reader that collects the problems.
  [[nodiscard]] auto reader() -> source_reader& { return *reader_; }

  /// The value of `key`, or nullptr when absent (or null).
  /// @par Complexity O(log n) in the mapping's keys (O(n) once, on the first look-up of a big one).
  auto optional(std::string_view key) -> const source_node* {
    const source_node* n = given(key);
    return n != nullptr && n->kind == source_node::type::null ? nullptr : n;
  }
  /// The value of `key` as written, null included (`in: null`, `in:`); nullptr only when absent.
  auto given(std::string_view key) -> const source_node* {
    if (known_count_ < known_few_.size()) {
      known_few_[known_count_++] = key;
    } else {
      known_more_.emplace_back(key);
    }
    if (!ok_) return nullptr;
    const std::size_t i = position(key);
    if (i == node_->keys.size()) return nullptr;
    mark_used(i);
    return &node_->items[i];
  }
  /// The value of `key`; a missing key is an error.
  auto required(std::string_view key) -> const source_node* {
    const source_node* n = optional(key);
    if (n == nullptr && ok_) {
      const std::string k(key);
      reader_->error(*node_, reader_->pick("missing key `" + k + "` in " + what(), what() + "缺少键`" + k + "`"));
    }
    return n;
  }
  /// Reports every key not asked for, with a "did you mean" hint.
  void finish() {
    if (!ok_) return;
    for (std::size_t i = 0; i < node_->keys.size(); ++i) {
      if (!used(i)) {
        std::vector<std::string_view> known(known_few_.begin(), known_few_.begin() + known_count_);
        known.insert(known.end(), known_more_.begin(), known_more_.end());
        const auto& k = node_->keys[i].text;
        const auto hint = did_you_mean(k, known, reader_->language());
        reader_->error(node_->keys[i], reader_->pick("unknown key `" + k + "` in " + what() + hint,
                                                     what() + "中有未知的键`" + k + "`" + hint));
      }
    }
  }

 private:
  void check_mapping() {
    if (node_->keys.size() > few) used_more_.resize(node_->keys.size(), false);
    if (node_->kind != source_node::type::map) {
      reader_->error(*node_, reader_->pick(what() + " must be a mapping of keys to values, not " +
                                               reader_->describe_node(*node_),
                                           what() + "必须是键值映射，不能是" + reader_->describe_node(*node_)));
      ok_ = false;
    }
  }

  // The index of `key` among the mapping's keys (the first, should it repeat), or the key count.
  auto position(std::string_view key) -> std::size_t {
    const auto& keys = node_->keys;
    constexpr std::size_t small = 16;  // below this, a scan is cheaper than an index
    if (keys.size() <= small) {
      // Keys are mostly written in the order they are asked for: the one after the last found
      // is tried first.
      if (next_ < keys.size() && keys[next_].text == key) return next_++;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].text == key) {
          next_ = i + 1;
          return i;
        }
      }
      return keys.size();
    }
    if (by_text_.empty()) {
      by_text_.resize(keys.size());
      for (std::size_t i = 0; i < keys.size(); ++i) by_text_[i] = static_cast<std::uint32_t>(i);
      std::stable_sort(by_text_.begin(), by_text_.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return keys[a].text < keys[b].text; });
    }
    const auto it = std::lower_bound(by_text_.begin(), by_text_.end(), key,
                                     [&](std::uint32_t i, std::string_view k) { return keys[i].text < k; });
    return it != by_text_.end() && keys[*it].text == key ? *it : keys.size();
  }

  // Which keys were asked for: a mapping of up to `few` keys in a word, without allocating.
  static constexpr std::size_t few = 64;
  void mark_used(std::size_t i) {
    if (i < few) {
      used_few_ |= std::uint64_t{1} << i;
    } else {
      used_more_[i] = true;
    }
  }
  [[nodiscard]] auto used(std::size_t i) const -> bool {
    return i < few ? (used_few_ >> i & 1U) != 0 : static_cast<bool>(used_more_[i]);
  }

  source_reader* reader_;
  const source_node* node_;
  mutable std::string what_;  // composed on first use when named by kind and id
  const char* kind_en_ = nullptr;
  const char* kind_zh_ = nullptr;
  std::uint64_t used_few_ = 0;
  std::size_t next_ = 0;                // the key most likely asked for next
  std::vector<bool> used_more_;         // for a mapping of more than `few` keys (indexes from `few` on)
  std::vector<std::uint32_t> by_text_;  // key indexes in key order, for big mappings
  // The keys asked for (string literals of the kind asking), for "did you mean": the first
  // sixteen without allocating.
  std::array<std::string_view, 16> known_few_{};
  std::size_t known_count_ = 0;
  std::vector<std::string_view> known_more_;
  bool ok_ = true;
};

}  // namespace rulebook
#pragma GCC visibility pop
