// The JSON verdict of CONTRACT §3. Keys in a fixed order, so the same verdict gives the same bytes.
#include <rulebook/kind.hpp>
#include <rulebook/verdict.hpp>

#include "engine/render.hpp"

#include "json_quote.hpp"

#include <fmt/format.h>

namespace rulebook {
namespace {

auto quote(std::string& out, std::string_view s) -> void { detail::json_quote(out, s); }

struct writer {
  const case_file& c;
  const policy& p;
  write_options o;
  std::ostream& sink;
  std::string out;
  const request* extra = nullptr;  ///< a what-if request, not among the case's

  [[nodiscard]] auto context() const -> message_context { return {c, o.lang, extra}; }

  /// Hands what is written so far to the destination, so a verdict of any size is never held
  /// whole (the year of a 10,000-agent center is 1.1 GB of JSON).
  void flush(bool all = false) {
    if (all || out.size() >= (std::size_t{1} << 16)) {
      sink.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }

  void value(const evidence_value& ev) {
    if (const auto* n = std::get_if<std::int64_t>(&ev)) {
      out += std::to_string(*n);
    } else if (const auto* b = std::get_if<bool>(&ev)) {
      out += *b ? "true" : "false";
    } else if (const auto* days = std::get_if<date_list>(&ev)) {
      out += '[';
      for (std::size_t i = 0; i < days->size(); ++i) {
        if (i) out += ", ";
        quote(out, format_date((*days)[i]));
      }
      out += ']';
    } else {
      quote(out, evidence_text(ev, c));
    }
  }

  void finding_json(const finding& f, bool top_level, const char* indent) {
    const auto& h = p.header_at(f.rule);
    out += indent;
    out += "{\"rule\": ";
    quote(out, h.id);
    out += ", \"clause\": ";
    quote(out, h.clause);
    out += ", \"effect\": ";
    quote(out, to_string(f.effect));
    if (f.effect == effect::needs_approval) {
      out += ", \"approver_role\": ";
      quote(out, f.approver_role);
    }
    if (top_level) {
      out += ",\n";
      out += indent;
      out += " \"subject\": {\"employee\": ";
      quote(out, c.people.at(f.subject.employee).id);
      if (f.subject.shift != no_index) {
        out += ", \"shift\": ";
        quote(out, c.shifts.at(f.subject.shift).id);
      }
      if (f.subject.month) {
        out += ", \"month\": ";
        quote(out, format_month(*f.subject.month));
      }
      if (f.subject.week) {
        out += ", \"week\": ";
        quote(out, format_date(*f.subject.week));
      }
      if (f.subject.day) {
        out += ", \"date\": ";
        quote(out, format_date(*f.subject.day));
      }
      out += '}';
    }
    out += ",\n";
    out += indent;
    out += " \"message\": ";
    quote(out, detail::render_message(p.rule_at(f.rule), f, context()));
    if (o.clauses) {
      if (const auto text = p.clause_text(h.clause, o.lang); !text.empty()) {
        out += ", \"clause_text\": ";
        quote(out, text);
      }
    }
    if (top_level && o.explain) {  // a request's remedies are in its `explain` list
      if (const auto remedy = p.rule_at(f.rule).remedy(f, context()); !remedy.empty()) {
        out += ", \"remedy\": ";
        quote(out, remedy);
      }
    }
    out += ",\n";
    out += indent;
    out += " \"evidence\": {";
    for (std::size_t i = 0; i < f.evidence.size(); ++i) {
      if (i) out += ", ";
      quote(out, f.evidence[i].key);
      out += ": ";
      value(f.evidence[i].value);
    }
    out += "}}";
  }

  // One request's object, after its opening brace.
  void request_json(const request_verdict& rv, const request& r) {
    out += "\"id\": ";
    quote(out, r.id);
    out += ", \"type\": ";
    quote(out, to_string(r.type()));
    out += ", \"employee\": ";
    quote(out, c.people.at(r.employee).id);
    out += ", \"decision\": ";
    quote(out, to_string(rv.decision));
    out += ",\n     \"findings\": [";
    for (std::size_t j = 0; j < rv.findings.size(); ++j) {
      out += j ? ",\n" : "\n";
      finding_json(rv.findings[j], false, "       ");
    }
    out += rv.findings.empty() ? "]" : "\n     ]";
    if (o.explain) {
      out += ",\n     \"explain\": [";
      const auto outcomes = explain(p, c, r, rv);
      for (std::size_t j = 0; j < outcomes.size(); ++j) {
        const auto& h = p.rule_at(outcomes[j].rule).header();
        out += j ? ",\n       {" : "\n       {";
        out += "\"rule\": ";
        quote(out, h.id);
        out += ", \"clause\": ";
        quote(out, h.clause);
        // A rule that does not apply neither held nor failed: it says so instead.
        if (!outcomes[j].applies) {
          out += ", \"applies\": false";
          if (const auto by = outcomes[j].gave_way_to) {
            out += ", \"gave_way_to\": ";
            quote(out, p.rule_at(*by).header().id);
          }
        } else {
          out += outcomes[j].held ? ", \"held\": true" : ", \"held\": false";
        }
        std::string remedy;
        for (const auto* f : outcomes[j].findings) {
          const auto more = p.rule_at(f->rule).remedy(*f, context());
          if (!more.empty()) remedy += (remedy.empty() ? "" : "; ") + more;
        }
        if (!remedy.empty()) {
          out += ", \"remedy\": ";
          quote(out, remedy);
        }
        out += '}';
      }
      out += outcomes.empty() ? "]" : "\n     ]";
    }
    if (!rv.criteria.empty()) {
      out += ",\n     \"criteria\": [";
      for (std::size_t j = 0; j < rv.criteria.size(); ++j) {
        const auto& cr = rv.criteria[j];
        out += j ? ",\n       {" : "\n       {";
        out += "\"criterion\": ";
        quote(out, cr.name);
        out += ", \"rule\": ";
        quote(out, p.rule_at(cr.rule).header().id);
        if (cr.month) {
          out += ", \"month\": ";
          quote(out, format_month(*cr.month));
        }
        out += ", \"test\": ";
        quote(out, cr.test);
        out += ", \"required\": ";
        value(cr.required);
        out += ", \"found\": ";
        if (cr.found) {
          value(*cr.found);
        } else {
          out += "null";
        }
        out += cr.holds ? ", \"holds\": true}" : ", \"holds\": false}";
      }
      out += "\n     ]";
    }
    out += '}';
  }

  void write(const verdict& v) {
    out += "{\n  \"policy\": {\"name\": ";
    quote(out, p.name());
    out += ", \"version\": ";
    quote(out, p.version());
    out += ", \"digest\": ";
    quote(out, p.digest());
    out += "},\n  \"requests\": [";
    for (const auto i : v.requests.indexes()) {
      const auto& rv = v.requests[i];
      const auto& r = c.requests.at(rv.request);
      out += i.value != 0 ? ",\n    {" : "\n    {";
      request_json(rv, r);
      flush();
    }
    out += v.requests.empty() ? "],\n" : "\n  ],\n";
    out += "  \"findings\": [";
    for (std::size_t j = 0; j < v.findings.size(); ++j) {
      out += j ? ",\n" : "\n";
      finding_json(v.findings[j], true, "    ");
      flush();
    }
    out += v.findings.empty() ? "],\n" : "\n  ],\n";
    out += fmt::format(
        "  \"summary\": {{\"requests\": {{\"approved\": {}, \"pending\": {}, \"rejected\": {}}},\n"
        "              \"findings\": {{\"late\": {}, \"warning\": {}, \"violation\": {}, \"absenteeism\": {}}}}}\n}}\n",
        v.count(decision::approved), v.count(decision::pending), v.count(decision::rejected), v.count(effect::late),
        v.count(effect::warning), v.count(effect::violation), v.count(effect::absenteeism));
  }
};

}  // namespace

void write_json(std::ostream& out, const verdict& v, const case_file& c, const write_options& o) {
  writer w{c, v.policy, o, out, {}};
  w.out.reserve(std::size_t{1} << 17);
  w.write(v);
  w.flush(true);
}

void write_json(std::ostream& out, const request_verdict& rv, const request& r, const policy& p, const case_file& c,
                const write_options& o) {
  writer w{c, p, o, out, {}, &r};
  w.out += '{';
  w.request_json(rv, r);
  w.out += '\n';
  w.flush(true);
}

}  // namespace rulebook
