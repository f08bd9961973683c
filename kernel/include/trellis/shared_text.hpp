#pragma once
/// A text held once and shared by every copy of it. A country's report repeats
/// the same few thousand reasons, levels and rationales hundreds of thousands
/// of times: each is held once (issue 18).
///
///     SharedTexts texts;
///     SharedText a = texts("good"), b = texts(std::string("good"));  // one "good", held once
///     std::string copy = a;                                          // reads as a std::string
#include <memory>
#include <memory_resource>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>

namespace trellis {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT: implicit, so that a text can be given where one is held
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}  // NOLINT: as above

  const std::string& str() const { return text_ ? *text_ : none(); }
  operator const std::string&() const { return str(); }  // NOLINT: reads wherever a string is read
  operator std::string_view() const { return str(); }    // NOLINT: as above
  bool empty() const { return !text_; }
  std::size_t size() const { return str().size(); }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.text_ == b.text_ || a.str() == b.str(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }
  friend std::ostream& operator<<(std::ostream& o, const SharedText& t) { return o << t.str(); }

 private:
  static const std::string& none() {
    static const std::string empty;
    return empty;
  }
  std::shared_ptr<const std::string> text_;  ///< none for the empty text
};

/// The texts shared so far: the same text gives the same SharedText, held once.
class SharedTexts {
 public:
  SharedText operator()(std::string text) {
    if (text.empty()) return {};
    if (const auto found = held_.find(text); found != held_.end()) return found->second;
    SharedText shared(std::move(text));
    held_.emplace(std::string_view(shared.str()), shared);  // the key views the shared text, which never moves
    return shared;
  }
  std::size_t size() const { return held_.size(); }

 private:
  // The index's nodes from large blocks, freed together: freed one by one they
  // would lie scattered among the texts kept, and slow every allocation after.
  std::pmr::monotonic_buffer_resource blocks_;
  std::pmr::unordered_map<std::string_view, SharedText> held_{&blocks_};
};

}  // namespace trellis
