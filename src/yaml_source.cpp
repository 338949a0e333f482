// The only place that knows yaml-cpp: YAML (and JSON, which yaml-cpp reads as YAML) to a
// source_document. Events are streamed into our own tree, which keeps every node's position and
// costs far less than YAML::Node for large rosters.
#include <rulebook/source.hpp>

#include "source_io.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace rulebook {
namespace {

// yaml-cpp counts lines and columns from 0; people count from 1.
void place(source_node& n, const YAML::Mark& mark) {
  if (mark.is_null()) return;
  n.line = mark.line + 1;
  n.column = mark.column + 1;
}

class tree_builder final : public YAML::EventHandler {
 public:
  tree_builder(source_reader& reader) : reader_(&reader) {}

  source_node root;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    source_node n;
    place(n, mark);
    add(std::move(n), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    source_node n = it != anchors_.end() ? it->second : source_node{};
    place(n, mark);
    add(std::move(n), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    source_node n;
    place(n, mark);
    n.kind = source_node::type::scalar;
    n.quoted = tag == "!";  // yaml-cpp tags quoted scalars "!" and plain ones "?"
    n.text = value;
    add(std::move(n), anchor);
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
    bool expecting_key = true;
  };

  void open(const YAML::Mark& mark, source_node::type kind, YAML::anchor_t anchor) {
    frame f;
    place(f.node, mark);
    f.node.kind = kind;
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }
  void close() {
    frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.node.kind == source_node::type::map) merge_keys(f.node);
    add(std::move(f.node), f.anchor);
  }
  // YAML merge keys (`<<: *base`, `<<: [*a, *b]`): the merged mappings' entries, unless the
  // mapping has the key itself. yaml-cpp's event stream leaves them to us.
  void merge_keys(source_node& map) {
    for (std::size_t i = 0; i < map.keys.size(); ++i) {
      if (map.keys[i].text != "<<" || map.keys[i].quoted) continue;
      source_node from = std::move(map.items[i]);
      map.keys.erase(map.keys.begin() + static_cast<std::ptrdiff_t>(i));
      map.items.erase(map.items.begin() + static_cast<std::ptrdiff_t>(i));
      source_node at;  // where the merge key's value was, for a message after it has been moved
      at.line = from.line;
      at.column = from.column;
      std::vector<source_node> sources;
      if (from.kind == source_node::type::map) {
        sources.push_back(std::move(from));
      } else if (from.kind == source_node::type::sequence) {
        sources = std::move(from.items);
      }
      if (sources.empty() || std::any_of(sources.begin(), sources.end(), [](const source_node& n) {
            return n.kind != source_node::type::map;
          })) {
        reader_->error(at, "a merge key `<<` takes a mapping or a list of mappings");
      }
      for (auto& src : sources) {
        for (std::size_t k = 0; k < src.keys.size(); ++k) {
          if (map.find(src.keys[k].text) != nullptr) continue;
          map.keys.push_back(src.keys[k]);
          map.items.push_back(src.items[k]);
        }
      }
      --i;
    }
  }
  void add(source_node n, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = n;
    if (stack_.empty()) {
      if (documents <= 1) root = std::move(n);
      return;
    }
    frame& top = stack_.back();
    if (top.node.kind == source_node::type::sequence) {
      top.node.items.push_back(std::move(n));
    } else if (top.expecting_key) {
      if (n.kind != source_node::type::scalar) {
        reader_->error(n, "a key must be a plain name, not " + source_reader::describe(n));
      } else if (top.node.find(n.text) != nullptr) {
        reader_->error(n, "duplicate key `" + n.text + "`");
      }
      top.node.keys.push_back(std::move(n));
      top.expecting_key = false;
    } else {
      top.node.items.push_back(std::move(n));
      top.expecting_key = true;
    }
  }

  source_reader* reader_;
  std::vector<frame> stack_;
  std::map<YAML::anchor_t, source_node> anchors_;
};

}  // namespace

auto detail::parse_source(std::string file, std::string bytes, std::vector<load_issue>& issues) -> source_document {
  source_document doc;
  doc.file = std::move(file);
  source_reader reader(doc.file, issues);
  std::istringstream in(bytes);
  tree_builder builder(reader);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception& e) {
    source_node at;
    place(at, e.mark);
    reader.error(at, "not valid YAML: " + e.msg);
    return doc;
  }
  if (builder.documents > 1) {
    source_node at;
    at.line = at.column = 1;
    reader.error(at, "a file holds one document; this one holds " + std::to_string(builder.documents));
  }
  doc.root = std::move(builder.root);
  doc.bytes = std::move(bytes);
  return doc;
}

auto detail::read_text_file(const std::string& path, std::vector<load_issue>& issues) -> std::optional<std::string> {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    issues.push_back({{path, 0, 0}, {}, "cannot read file"});
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

auto detail::read_source(const std::string& path, std::vector<load_issue>& issues) -> source_document {
  auto text = read_text_file(path, issues);
  if (!text) return {path, {}, {}};
  return parse_source(path, std::move(*text), issues);
}

}  // namespace rulebook
