// The chain of command as a Boost.Graph graph: an edge from each person to their superior.
#pragma once

#include <rulebook/model.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

#include <optional>
#include <vector>

namespace rulebook {

/// Who reports to whom. Answers "is X in Y's chain, and at which level?" in O(chain length).
class org_chart {
 public:
  using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

  /// Builds the chart from each person's leader / reports_to.
  explicit org_chart(const case_file& c) : graph_(c.people.size()) {
    for (index_t p = 0; p < c.people.size(); ++p) {
      if (const auto up = c.people[p].superior(); up != no_index) boost::add_edge(p, up, graph_);
    }
    if (!find_cycle()) {
      chains_.resize(c.people.size());
      for (index_t p = 0; p < c.people.size(); ++p) {
        for (index_t up = superior(p); up != no_index; up = superior(up)) chains_[p].push_back(up);
      }
    }
  }

  /// A person on a cycle of `reports_to` / `leader`, if there is one (a load error).
  [[nodiscard]] auto find_cycle() const -> std::optional<index_t> {
    struct visitor : boost::default_dfs_visitor {
      std::optional<index_t>* found;
      void back_edge(graph::edge_descriptor e, const graph& g) const {
        if (!*found) *found = static_cast<index_t>(boost::source(e, g));
      }
    };
    std::optional<index_t> found;
    visitor v;
    v.found = &found;
    boost::depth_first_search(graph_, boost::visitor(v));
    return found;
  }

  /// The person directly above `p`, or `no_index`.
  [[nodiscard]] auto superior(index_t p) const -> index_t {
    auto [it, end] = boost::out_edges(p, graph_);
    return it == end ? no_index : static_cast<index_t>(boost::target(*it, graph_));
  }
  /// Everyone above `p`, nearest first (shift leader, department director, center director).
  [[nodiscard]] auto chain(index_t p) const -> const std::vector<index_t>& { return chains_.at(p); }
  /// The level of `approver` in `p`'s chain (0 = directly above), if it is in the chain.
  [[nodiscard]] auto level(index_t p, index_t approver) const -> std::optional<std::size_t> {
    const auto& ch = chain(p);
    for (std::size_t i = 0; i < ch.size(); ++i) {
      if (ch[i] == approver) return i;
    }
    return std::nullopt;
  }

 private:
  graph graph_;
  std::vector<std::vector<index_t>> chains_;
};

}  // namespace rulebook
