// The Python module `rulebook` (pybind11) over the C++ API: policies loaded from YAML, cases given
// as files, text or dicts, verdicts returned as the dicts and lists of CONTRACT §3. Verdicts are
// written by the library's own JSON writer and read back with Python's `json`, so a verdict from
// Python is the one `rulebook check --format json` prints. The GIL is released while cases are read
// and judged.
#include <rulebook/engine.hpp>
#include <rulebook/rulebook.hpp>
#include <rulebook/version.h>

#include <pybind11/eval.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace py = pybind11;
namespace rb = rulebook;

namespace {

// Thrown while the GIL may be released; becomes `rulebook.LoadError` once it is held again.
class load_failure : public std::runtime_error {
 public:
  explicit load_failure(std::vector<rb::load_issue> issues)
      : std::runtime_error(issues.empty() ? std::string("invalid input") : rb::to_string(issues.front())),
        issues_(std::move(issues)) {}
  [[nodiscard]] auto issues() const -> const std::vector<rb::load_issue>& { return issues_; }

 private:
  std::vector<rb::load_issue> issues_;
};

// `rulebook.LoadError`, made once when the module is imported and kept for the process's life.
PyObject* load_error_type = nullptr;

// How many problems a LoadError's message shows; `.issues` has them all.
constexpr std::size_t shown_issues = 5;

auto issue_dicts(std::span<const rb::load_issue> issues) -> py::list {
  py::list out;
  for (const auto& i : issues) {
    py::dict d;
    d["file"] = i.where.file;
    d["line"] = i.where.line;
    d["column"] = i.where.column;
    d["message"] = i.message;
    out.append(std::move(d));
  }
  return out;
}

// Sets `rulebook.LoadError` as the Python error: the first problems as its message, every one in `.issues`.
void raise_load_error(std::span<const rb::load_issue> issues) {
  std::string message;
  for (std::size_t i = 0; i < issues.size() && i < shown_issues; ++i) {
    if (i > 0) message += '\n';
    message += rb::to_string(issues[i]);
  }
  if (issues.size() > shown_issues) {
    message += "\n… and " + std::to_string(issues.size() - shown_issues) + " more";
  }
  if (message.empty()) message = "invalid input";
  auto type = py::reinterpret_borrow<py::object>(load_error_type);
  auto error = type(message, issue_dicts(issues));
  PyErr_SetObject(load_error_type, error.ptr());
}

// Throws `load_failure` when loading found problems.
void check_issues(std::vector<rb::load_issue>& issues) {
  if (!issues.empty()) throw load_failure(std::move(issues));
}

auto lang_of(const std::string& name) -> rb::lang {
  if (name == "en") return rb::lang::en;
  if (name == "zh") return rb::lang::zh;
  throw py::value_error("lang must be \"en\" or \"zh\", not \"" + name + "\"");
}

// The file system path of a `str`, `bytes` or `os.PathLike`.
auto path_of(py::handle p) -> std::string {
  auto os = py::module_::import("os");
  return py::cast<std::string>(os.attr("fsdecode")(os.attr("fspath")(p)));
}

auto is_path_like(py::handle o) -> bool {
  return !py::isinstance<py::str>(o) && !py::isinstance<py::bytes>(o) && py::hasattr(o, "__fspath__");
}

// JSON text of a dict; dates and times (anything with `isoformat()`) become their ISO text.
auto json_text(py::handle obj) -> std::string {
  const py::cpp_function iso([](py::handle o) -> py::object {
    if (py::hasattr(o, "isoformat")) return o.attr("isoformat")();
    throw py::type_error("Object of type " + py::cast<std::string>(py::type::handle_of(o).attr("__name__")) +
                         " is not JSON serializable");
  });
  auto dumps = py::module_::import("json").attr("dumps");
  return py::cast<std::string>(dumps(obj, py::arg("ensure_ascii") = false, py::arg("indent") = 1,
                                     py::arg("default") = iso));
}

// Python values of a JSON document the library wrote.
auto from_json(const std::string& text) -> py::object {
  return py::module_::import("json").attr("loads")(py::str(text));
}

auto first_char(const std::string& s) -> char {
  const auto at = s.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return at == std::string::npos ? '\0' : s[at];
}

auto ends_with_ci(const std::string& s, std::string_view tail) -> bool {
  if (s.size() < tail.size()) return false;
  return std::equal(tail.begin(), tail.end(), s.end() - static_cast<std::ptrdiff_t>(tail.size()),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// Whether a `str` given as a case names a file rather than holding the case: one line, no `{` or
// `[` first, and an existing file or a case file's extension (so that a missing file is reported as one).
auto names_a_file(const std::string& s) -> bool {
  if (s.empty() || s.find('\n') != std::string::npos) return false;
  const char c = first_char(s);
  if (c == '{' || c == '[') return false;
  std::error_code ec;
  if (std::filesystem::is_regular_file(s, ec)) return true;
  return ends_with_ci(s, ".yaml") || ends_with_ci(s, ".yml") || ends_with_ci(s, ".json");
}

// A case loaded against a policy, shared with the sessions made from it.
struct case_object {
  std::shared_ptr<const rb::case_file> c;
};

// A case as a Python caller gives it: a Case, a path, YAML or JSON text, or a dict. Read with the
// GIL released.
auto case_of(const rb::policy& p, py::handle source, rb::lang l) -> std::shared_ptr<const rb::case_file> {
  if (py::isinstance<case_object>(source)) return py::cast<const case_object&>(source).c;
  std::optional<std::string> path;
  std::string name;
  std::string text;
  if (py::isinstance<py::dict>(source)) {
    name = "<dict>.json";
    text = json_text(source);
  } else if (is_path_like(source)) {
    path = path_of(source);
  } else if (py::isinstance<py::str>(source)) {
    auto s = py::cast<std::string>(source);
    if (names_a_file(s)) {
      path = std::move(s);
    } else {
      name = first_char(s) == '{' ? "<case>.json" : "<case>.yaml";
      text = std::move(s);
    }
  } else {
    throw py::type_error("a case is a rulebook.Case, a path, YAML or JSON text, or a dict; not " +
                         py::cast<std::string>(py::type::handle_of(source).attr("__name__")));
  }
  std::vector<rb::load_issue> issues;
  rb::case_file c;
  {
    const py::gil_scoped_release nogil;
    c = path ? rb::load_case(*path, p, issues, l) : rb::parse_case(std::move(name), std::move(text), p, issues, l);
  }
  check_issues(issues);
  return std::make_shared<const rb::case_file>(std::move(c));
}

// A policy that loaded without problems but has no rules would approve everything: an error too.
auto checked_policy(rb::policy p, std::vector<rb::load_issue>& issues, const std::string& file, rb::lang l)
    -> rb::policy {
  if (issues.empty() && p.rules().empty()) {
    issues.push_back({{file, 0, 0}, {}, l == rb::lang::zh ? "政策没有规则" : "the policy has no rules"});
  }
  check_issues(issues);
  return p;
}

auto load_policy(const py::args& paths, const std::string& lang) -> rb::policy {
  if (paths.empty()) throw py::type_error("Policy.load() needs at least one policy file or name");
  const auto l = lang_of(lang);
  std::vector<std::string> files;
  for (auto p : paths) files.push_back(path_of(p));
  std::vector<rb::load_issue> issues;
  rb::policy p;
  {
    const py::gil_scoped_release nogil;
    p = rb::load_policy(files, issues, l);
  }
  return checked_policy(std::move(p), issues, files.front(), l);
}

auto parse_policy(std::string text, std::string name, const std::string& lang) -> rb::policy {
  const auto l = lang_of(lang);
  std::vector<rb::load_issue> issues;
  rb::policy p;
  {
    const py::gil_scoped_release nogil;
    p = rb::parse_policy({{name, std::move(text)}}, issues, l);
  }
  return checked_policy(std::move(p), issues, name, l);
}

auto verdict_json(const rb::policy& p, const rb::case_file& c, const rb::write_options& o) -> std::string {
  const py::gil_scoped_release nogil;
  const auto v = rb::judge(p, c);
  std::ostringstream out;
  rb::write_json(out, v, c, o);
  return std::move(out).str();
}

auto rule_dicts(const rb::policy& p) -> py::list {
  py::list out;
  for (std::uint32_t i = 0; i < p.rules().size(); ++i) {
    const auto& h = p.header_at(i);
    py::dict d;
    d["id"] = h.id;
    d["clause"] = h.clause;
    d["kind"] = h.kind;
    d["effect"] = rb::to_string(h.effect);
    out.append(std::move(d));
  }
  return out;
}

// A judged case that answers what-if questions; keeps its case alive.
struct session_object {
  std::shared_ptr<const rb::case_file> c;
  rb::policy p;
  rb::write_options options;
  std::unique_ptr<rb::session> s;
  std::string verdict;  // the full judgement's JSON, written once

  session_object(rb::policy policy, std::shared_ptr<const rb::case_file> cf, rb::write_options o)
      : c(std::move(cf)), p(std::move(policy)), options(o) {
    const py::gil_scoped_release nogil;
    s = std::make_unique<rb::session>(p, *c);
    std::ostringstream out;
    rb::write_json(out, s->verdict(), *c, options);
    verdict = std::move(out).str();
  }

  auto what_if(const py::object& request, const std::optional<std::string>& lang) const -> py::dict {
    std::string text;
    if (py::isinstance<py::dict>(request)) {
      text = json_text(request);
    } else if (py::isinstance<py::str>(request)) {
      text = py::cast<std::string>(request);
    } else {
      throw py::type_error("a request is a dict or YAML or JSON text; not " +
                           py::cast<std::string>(py::type::handle_of(request).attr("__name__")));
    }
    auto o = options;
    if (lang) o.lang = lang_of(*lang);
    std::vector<rb::load_issue> issues;
    std::string answer;
    {
      const py::gil_scoped_release nogil;
      const auto r = rb::parse_request("<request>", std::move(text), *c, p, issues, o.lang);
      if (r) {
        const auto rv = s->what_if(*r);
        std::ostringstream out;
        rb::write_json(out, rv, *r, p, *c, o);
        answer = std::move(out).str();
      } else if (issues.empty()) {
        issues.push_back(
            {{"<request>", 0, 0}, {}, o.lang == rb::lang::zh ? "无法读取申请" : "the request could not be read"});
      }
    }
    check_issues(issues);
    return py::dict(from_json(answer));
  }
};

auto lang_name(rb::lang l) -> const char* { return l == rb::lang::zh ? "zh" : "en"; }

}  // namespace

PYBIND11_MODULE(rulebook, m) {
  m.doc() = "HR policies loaded from YAML, judging schedules, attendance and requests.\n\n"
            "    import rulebook\n"
            "    policy = rulebook.Policy.load(\"customer-service\")\n"
            "    verdict = policy.check(\"examples/march-2026.yaml\")\n"
            "    for r in verdict[\"requests\"]:\n"
            "        print(r[\"id\"], r[\"decision\"])\n\n"
            "A verdict is the JSON document of `rulebook check --format json` as dicts and lists.\n"
            "Bad input raises rulebook.LoadError, whose .issues locate every problem.";
  m.attr("__version__") = RULEBOOK_VERSION_STRING;

  // LoadError is a plain Python class, so that it can be raised, caught and pickled as any other.
  py::dict scope;
  scope["__name__"] = "rulebook";
  py::exec(R"(
class LoadError(ValueError):
    """A policy, case or request that cannot be read: every problem, with its place.

    ``issues`` is a list of dicts ``{"file", "line", "column", "message"}`` (line and column
    count from 1; 0 when unknown). ``str()`` shows the first few as ``file:line:column: message``.
    """

    def __init__(self, message="invalid input", issues=()):
        super().__init__(message)
        self.issues = list(issues)

    def __reduce__(self):
        return (type(self), (str(self), self.issues))
)",
           scope);
  load_error_type = scope["LoadError"].ptr();
  Py_INCREF(load_error_type);  // kept for the process's life, as pybind11's own exception types
  m.attr("LoadError") = scope["LoadError"];

  // pybind11's translators take the pointer by value.
  py::register_exception_translator([](std::exception_ptr e) {  // NOLINT(performance-unnecessary-value-param)
    try {
      if (e) std::rethrow_exception(e);
    } catch (const load_failure& f) {
      raise_load_error(f.issues());
    } catch (const rb::load_error& f) {
      raise_load_error(f.issues());
    } catch (const rb::case_error& f) {
      raise_load_error(f.issues());
    } catch (const rb::policy_error& f) {
      const rb::load_issue issue{{}, {}, f.what()};
      raise_load_error({&issue, 1});
    }
  });

  m.def("policy_dirs", &rb::policy_dirs,
        "The folders where policies are found by name, in order: those in $RULEBOOK_POLICY_PATH\n"
        "(separated by ':'), then the installed ones. Only those that exist.");

  py::class_<case_object>(m, "Case",
                          "A case read once and judged as often as needed: made by Policy.load_case().\n\n"
                          "Pass it wherever a case is expected (Policy.check, Policy.session).")
      .def_property_readonly(
          "file", [](const case_object& c) { return c.c->file; },
          "The file it was read from ('<dict>.json' for a dict).")
      .def_property_readonly(
          "people",
          [](const case_object& c) {
            py::list out;
            for (const auto& p : c.c->people) out.append(p.id);
            return out;
          },
          "The ids of everyone in the case, in file order.")
      .def_property_readonly(
          "shifts",
          [](const case_object& c) {
            py::list out;
            for (const auto& s : c.c->shifts) out.append(s.id);
            return out;
          },
          "The ids of the rostered shifts, in file order.")
      .def_property_readonly(
          "requests",
          [](const case_object& c) {
            py::list out;
            for (const auto& r : c.c->requests) out.append(r.id);
            return out;
          },
          "The ids of the requests, in file order.")
      .def("__repr__", [](const case_object& c) {
        return "<rulebook.Case " + (c.c->file.empty() ? std::string("(built in code)") : c.c->file) + ": " +
               std::to_string(c.c->people.size()) + " people, " + std::to_string(c.c->shifts.size()) + " shifts, " +
               std::to_string(c.c->requests.size()) + " requests>";
      });

  py::class_<session_object>(m, "Session",
                             "A judged case that answers what-if questions without judging the case again.\n\n"
                             "Made by Policy.session(case). It keeps its case alive.")
      .def_property_readonly(
          "verdict", [](const session_object& s) { return py::dict(from_json(s.verdict)); },
          "The verdict of the full judgement (CONTRACT §3) as dicts and lists, in the session's language.")
      .def_property_readonly(
          "lang", [](const session_object& s) { return lang_name(s.options.lang); },
          "The language of the session's messages: 'en' or 'zh'.")
      .def("what_if", &session_object::what_if, py::arg("request"), py::arg("lang") = py::none(),
           "How `request` would be judged if it were appended to the case: its decision and findings, shaped\n"
           "as an item of a verdict's 'requests'. Nothing changes.\n\n"
           "`request` is a dict, or YAML or JSON text, of one request as in a case's `requests:`; its id\n"
           "must be new to the case. `lang` ('en' or 'zh') defaults to the session's.\n"
           "Raises LoadError when the request cannot be read or names people or shifts the case lacks.\n"
           "Safe to call from several threads at once; the GIL is released while it is judged.")
      .def("__repr__", [](const session_object& s) {
        return "<rulebook.Session " + s.p.name() + " on " + (s.c->file.empty() ? std::string("a case") : s.c->file) +
               ">";
      });

  py::class_<rb::policy>(m, "Policy",
                         "A compiled policy: an immutable list of rules with their calendars. Safe to share\n"
                         "between threads. Made by Policy.load() or Policy.parse().")
      .def_static("load", &load_policy, py::arg("lang") = "en",
                  "Loads and merges the policy files given (a holiday calendar may be one of them). A path (str or\n"
                  "os.PathLike) that is no file and has no extension is a shipped policy's name, e.g.\n"
                  "'customer-service', looked up in rulebook.policy_dirs().\n"
                  "Raises LoadError with every problem, located, in `lang` ('en' or 'zh'); a policy without\n"
                  "rules is one too.")
      .def_static("parse", &parse_policy, py::arg("text"), py::arg("name") = "<policy>", py::arg("lang") = "en",
                  "Compiles a policy given as YAML text; `name` names it in messages. Calendars it names are\n"
                  "read relative to the working directory. Raises LoadError as Policy.load().")
      .def_property_readonly("name", &rb::policy::name, "The policy's `name`.")
      .def_property_readonly("version", &rb::policy::version, "The policy's `version`.")
      .def_property_readonly("digest", &rb::policy::digest,
                             "'sha256:' of every file the policy was read from, as in a verdict's 'policy'.")
      .def_property_readonly("rules", &rule_dicts,
                             "Every rule in policy order, as dicts {'id', 'clause', 'kind', 'effect'}.")
      .def(
          "clause_text",
          [](const rb::policy& p, const std::string& id, const std::string& lang) {
            return p.clause_text(id, lang_of(lang));
          },
          py::arg("clause"), py::arg("lang") = "en",
          "The rulebook's own text of clause `clause` (e.g. 'leave.2'), or '' when the policy has none.")
      .def(
          "lint",
          [](const rb::policy& p, const std::string& lang) { return issue_dicts(rb::lint_policy(p, lang_of(lang))); },
          py::arg("lang") = "en",
          "Things that are legal but suspicious (a `when:` that never matches, a shadowed rule), as\n"
          "dicts {'file', 'line', 'column', 'message'}.")
      .def(
          "load_case",
          [](const rb::policy& p, const py::object& source, const std::string& lang) {
            return case_object{case_of(p, source, lang_of(lang))};
          },
          py::arg("case"), py::arg("lang") = "en",
          "Reads a case once, to judge it many times: a path (str or os.PathLike), YAML or JSON text,\n"
          "or a dict. Raises LoadError with every problem, located, in `lang` ('en' or 'zh'). The GIL is\n"
          "released while it is read.")
      .def(
          "check",
          [](const rb::policy& p, const py::object& source, const std::string& lang, bool explain, bool clauses) {
            const rb::write_options o{.lang = lang_of(lang), .clauses = clauses, .explain = explain};
            const auto c = case_of(p, source, o.lang);
            return py::dict(from_json(verdict_json(p, *c, o)));
          },
          py::arg("case"), py::arg("lang") = "en", py::arg("explain") = false, py::arg("clauses") = false,
          "Judges a case: the verdict of CONTRACT §3 as dicts and lists, the document\n"
          "`rulebook check --format json` prints.\n\n"
          "`case` is a rulebook.Case, a path (str or os.PathLike) to a YAML or JSON case file, the case\n"
          "as YAML or JSON text (JSON when it starts with '{'), or a dict (dates and datetimes allowed).\n"
          "`lang` is the language of messages and load errors, 'en' or 'zh'; `explain` adds every rule that applied to\n"
          "each request; `clauses` adds the rulebook's text of each finding's clause.\n"
          "Raises LoadError when the case cannot be read. The GIL is released while it is read and judged.")
      .def(
          "check_json",
          [](const rb::policy& p, const py::object& source, const std::string& lang, bool explain, bool clauses) {
            const rb::write_options o{.lang = lang_of(lang), .clauses = clauses, .explain = explain};
            const auto c = case_of(p, source, o.lang);
            return py::str(verdict_json(p, *c, o));
          },
          py::arg("case"), py::arg("lang") = "en", py::arg("explain") = false, py::arg("clauses") = false,
          "As check(), but the verdict as JSON text: the bytes `rulebook check --format json` prints,\n"
          "for a service that passes them on.")
      .def(
          "session",
          [](const rb::policy& p, const py::object& source, const std::string& lang, bool explain, bool clauses) {
            const rb::write_options o{.lang = lang_of(lang), .clauses = clauses, .explain = explain};
            return std::make_unique<session_object>(p, case_of(p, source, o.lang), o);
          },
          py::arg("case"), py::arg("lang") = "en", py::arg("explain") = false, py::arg("clauses") = false,
          "Judges a case once and keeps it, to ask what-if questions (Session.what_if). `case` is as in\n"
          "check(); `lang`, `explain` and `clauses` shape Session.verdict and the answers.")
      .def("__repr__", [](const rb::policy& p) {
        return "<rulebook.Policy " + p.name() + " " + p.version() + ": " + std::to_string(p.rules().size()) + " rules>";
      });
}
