// A short text that many records share: a shift's kind, a seat.
#pragma once

#include <atomic>
#include <compare>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

// Everything declared here is the library's API: exported from librulebook.so (src/ is built hidden).
#pragma GCC visibility push(default)
namespace rulebook {

/// A short text that many records share, such as a shift's kind (`day`, `night`) or a seat: 8
/// bytes in each record, and one copy of the text for every record given the same symbol (copies
/// share it, counted; the loaders give equal texts one symbol). A center's year has millions of
/// shifts and a handful of kinds: a `std::string` would be 32 bytes in each. Reads and compares
/// like a string; an empty symbol holds nothing.
///
///     shift s{.kind = "night"};
///     if (s.kind == "night") …
///     std::string_view text = s.kind;
class symbol {
 public:
  symbol() noexcept = default;
  /// A symbol of its own for `text`.
  symbol(std::string_view text) : text_(text.empty() ? nullptr : make(text)) {}  // NOLINT(google-explicit-constructor)
  symbol(const char* text) : symbol(std::string_view(text)) {}                   // NOLINT(google-explicit-constructor)
  symbol(const std::string& text) : symbol(std::string_view(text)) {}            // NOLINT(google-explicit-constructor)
  symbol(const symbol& other) noexcept : text_(other.text_) {
    if (text_ != nullptr) text_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  symbol(symbol&& other) noexcept : text_(std::exchange(other.text_, nullptr)) {}
  auto operator=(const symbol& other) noexcept -> symbol& {
    symbol(other).swap(*this);
    return *this;
  }
  auto operator=(symbol&& other) noexcept -> symbol& {
    symbol(std::move(other)).swap(*this);
    return *this;
  }
  ~symbol() {
    if (text_ != nullptr && text_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      text_->~shared();
      ::operator delete(text_);
    }
  }
  void swap(symbol& other) noexcept { std::swap(text_, other.text_); }

  /// The text.
  [[nodiscard]] auto view() const noexcept -> std::string_view {
    return text_ == nullptr ? std::string_view() : std::string_view(text_->chars(), text_->size);
  }
  operator std::string_view() const noexcept { return view(); }  // NOLINT(google-explicit-constructor)
  /// The text, as a string of its own.
  [[nodiscard]] auto str() const -> std::string { return std::string(view()); }
  [[nodiscard]] auto empty() const noexcept -> bool { return text_ == nullptr; }
  [[nodiscard]] auto size() const noexcept -> std::size_t { return text_ == nullptr ? 0 : text_->size; }
  /// Whether `other` shares this one's text (then they are equal without comparing it).
  [[nodiscard]] auto shares(const symbol& other) const noexcept -> bool { return text_ == other.text_; }

  friend auto operator==(const symbol& a, const symbol& b) noexcept -> bool {
    return a.text_ == b.text_ || a.view() == b.view();
  }
  friend auto operator==(const symbol& a, std::string_view b) noexcept -> bool { return a.view() == b; }
  friend auto operator==(const symbol& a, const std::string& b) noexcept -> bool { return a.view() == b; }
  friend auto operator==(const symbol& a, const char* b) noexcept -> bool { return a.view() == b; }
  friend auto operator<=>(const symbol& a, const symbol& b) noexcept { return a.view() <=> b.view(); }
  friend auto operator<=>(const symbol& a, std::string_view b) noexcept { return a.view() <=> b; }
  friend auto operator<=>(const symbol& a, const std::string& b) noexcept { return a.view() <=> std::string_view(b); }
  friend auto operator<=>(const symbol& a, const char* b) noexcept { return a.view() <=> std::string_view(b); }
  /// Writes the text.
  template <typename Stream>
  friend auto operator<<(Stream& out, const symbol& s) -> decltype(out << std::string_view()) {
    return out << s.view();
  }

 private:
  struct shared {
    std::atomic<std::uint32_t> refs;
    std::uint32_t size;
    [[nodiscard]] auto chars() const noexcept -> const char* { return reinterpret_cast<const char*>(this + 1); }
  };
  static auto make(std::string_view text) -> shared* {
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("a symbol of more than 4 GB");
    void* memory = ::operator new(sizeof(shared) + text.size());
    auto* s = new (memory) shared{{1}, static_cast<std::uint32_t>(text.size())};
    std::memcpy(reinterpret_cast<char*>(s + 1), text.data(), text.size());
    return s;
  }
  shared* text_ = nullptr;
};

}  // namespace rulebook

/// A symbol hashes as its text.
template <>
struct std::hash<rulebook::symbol> {
  auto operator()(const rulebook::symbol& s) const noexcept -> std::size_t {
    return std::hash<std::string_view>{}(s.view());
  }
};
#pragma GCC visibility pop
