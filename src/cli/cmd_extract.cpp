// detente extract [--format jsonl] PATH...
//
// Prints the events of articles as JSON Lines and touches no database. The
// evaluation scripts depend on the exact keys printed here.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/memory.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "detente/extract.h"
#include "detente/input.h"
#include "detente/json.h"

namespace detente::cli {
namespace {

struct ExtractArgs {
  std::string format = "jsonl";
  int jobs = DefaultJobs();
  bool trace = false;
  bool stats = false;
  std::vector<std::string> paths;
};

// Empty strings (unknown country, no class) become null.
void StringOrNull(JsonWriter& w, const std::string& s) {
  if (s.empty()) {
    w.Null();
  } else {
    w.String(s);
  }
}

// A kind by its name; none (no object) is null.
void KindOrNull(JsonWriter& w, const std::optional<EntityKind>& k) {
  if (k) {
    w.String(EntityKindName(*k));
  } else {
    w.Null();
  }
}

std::string EventJson(const Document& doc, const Extraction& x, const Event& ev) {
  JsonWriter w;
  w.BeginObject();
  w.Key("doc").String(doc.id);
  w.Key("sentence");
  if (ev.sentence >= 0 && static_cast<size_t>(ev.sentence) < x.sentences.size()) {
    w.String(x.sentences[ev.sentence].text);
  } else {
    w.Null();
  }
  w.Key("actor").String(ev.actor);
  w.Key("action").String(ev.action);
  w.Key("object").OptString(ev.object);
  w.Key("place").OptString(ev.place);
  w.Key("time").OptString(ev.time);
  w.Key("time_text").OptString(ev.time_text);
  w.Key("negated").Bool(ev.negated);
  w.Key("modality").String(ModalityName(ev.modality));
  w.Key("actor_kind");
  KindOrNull(w, ev.actor_kind);
  w.Key("object_kind");
  KindOrNull(w, ev.object_kind);
  w.Key("actor_country");
  StringOrNull(w, ev.actor_country);
  w.Key("object_country");
  StringOrNull(w, ev.object_country);
  w.Key("action_class");
  StringOrNull(w, ev.action_class);
  if (ev.cameo_code) {
    w.Key("cameo_code").String(ev.cameo_code->str());
    w.Key("quad_class").Number(static_cast<int>(ev.cameo_code->quad_class()));
    w.Key("goldstein").Number(ev.goldstein);
  } else {
    w.Key("cameo_code").Null().Key("quad_class").Null().Key("goldstein").Null();
  }
  w.Key("actor_role");
  StringOrNull(w, RoleName(ev.actor_role));
  w.Key("object_role");
  StringOrNull(w, RoleName(ev.object_role));
  w.Key("confidence").Number(ev.confidence);
  w.Key("rule").String(ev.rule);
  w.EndObject();
  return w.Take();
}

// "detente: 173 sentences, 402 events; parse: full 120 (69.4%), partial ..."
void PrintStats(const long coverage[5], size_t events) {
  long total = 0;
  for (int i = 0; i < 5; ++i) total += coverage[i];
  std::string line = fmt::format("detente: {} sentence{}, {} event{}; parse:", total,
                                 total == 1 ? "" : "s", events, events == 1 ? "" : "s");
  for (int i = 0; i < 5; ++i) {
    double share = total > 0 ? 100.0 * coverage[i] / total : 0.0;
    line += fmt::format("{} {} {} ({:.1f}%)", i == 0 ? "" : ",",
                        ParseCoverageName(static_cast<ParseCoverage>(i)), coverage[i], share);
  }
  std::fprintf(stderr, "%s\n", line.c_str());
}

int RunExtract(const ExtractArgs& args) {
  MemoryGuard memory;  // see ingest
  if (Status s = memory.CheckLoad(); !s.ok()) return Fail(s);
  ExtractOptions options;
  if (args.trace) {
    options.trace = [](std::string_view line) {
      std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
    };
  }
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  if (!extractor.ok()) return Fail(extractor.status());
  // A trace is read in order: one thread.
  Result<int> jobs = memory.FitJobs(args.trace ? 1 : args.jobs);
  if (!jobs.ok()) return Fail(jobs.status());
  long rejected = 0;
  bool write_failed = false;
  long coverage[5] = {0, 0, 0, 0, 0};
  size_t events = 0;
  Status fatal;
  auto on_extracted = [&](Document& doc, Result<Extraction>& x) {
    if (write_failed || !fatal.ok()) return;
    if (!x.ok() && OutOfMemory(x.status())) {
      fatal = Status::ResourceExhausted("out of memory while extracting " + DocumentLocation(doc));
      return;
    }
    if (!x.ok()) {
      ++rejected;
      Report(DocumentLocation(doc), "cannot extract: " + x.status().message());
      return;
    }
    for (const Sentence& s : x->sentences) ++coverage[static_cast<int>(s.parse)];
    events += x->events.size();
    std::string out;
    for (const Event& ev : x->events) out += EventJson(doc, *x, ev) + "\n";
    if (!WriteStdout(out)) write_failed = true;
  };
  ExtractPipeline pipeline(**extractor, *jobs, on_extracted);
  auto on_document = [&](Document& doc) {
    if (write_failed || !fatal.ok()) return;
    if (Status room = memory.Check(); !room.ok()) {
      fatal = room;
      return;
    }
    pipeline.Add(std::move(doc));
  };
  auto on_error = [&](const InputError& e) {
    ++rejected;
    Report(e.file + (e.line > 0 ? ":" + std::to_string(e.line) : ""), e.message);
  };
  ReadInputs(args.paths, on_document, on_error);
  pipeline.Finish();
  if (!fatal.ok()) return Fail(fatal);
  if (args.stats) PrintStats(coverage, events);
  if (write_failed) return Fail(Status::IOError("cannot write to stdout"));
  return rejected > 0 ? kExitDataError : kExitOk;
}

}  // namespace

Runner SetupExtract(CLI::App& sub) {
  auto args = std::make_shared<ExtractArgs>();
  sub.add_option("--format", args->format, "Output format (only jsonl)")
      ->check(CLI::IsMember({"jsonl"}))
      ->capture_default_str();
  sub.add_option("-j,--jobs", args->jobs,
                 "Extract on N threads (default: one per core; output stays in input order)")
      ->check(WholeNumber(1, 64))
      ->capture_default_str();
  sub.add_flag("--stats", args->stats,
               "At the end, print to stderr how many sentences and events there were and how "
               "many sentences Link Grammar linked fully, in part, not at all, or timed out on");
  sub.add_flag("--trace", args->trace,
               "Print to stderr how each sentence was read: parts of speech, links, verb "
               "groups and why each verb did or did not give an event (implies -j 1)");
  sub.add_option("PATH", args->paths, "Articles, as for ingest; - for stdin")->required();
  sub.footer(
      "Prints one JSON object per event with the keys doc, sentence, actor, action, object,\n"
      "place, time, time_text, negated, modality, actor_kind, object_kind, actor_country,\n"
      "object_country, action_class, cameo_code, quad_class, goldstein, actor_role,\n"
      "object_role, confidence and rule (the extraction rules that found it).\n"
      "Exit status: 0 ok, 2 usage, 3 some input was rejected (after printing the rest).");
  return [args] { return Guarded([&] { return RunExtract(*args); }); };
}

}  // namespace detente::cli
