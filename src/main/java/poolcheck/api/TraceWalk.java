package poolcheck.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import poolcheck.system.Property;
import poolcheck.system.PropertySelection;
import poolcheck.system.Stepper;
import poolcheck.system.Transition;
import poolcheck.system.TransitionSystem;
import poolcheck.trace.JsonTrace;
import poolcheck.trace.Replay;
import poolcheck.trace.TraceFileException;

/**
 * Finds a recorded trace's path of choices: from the initial state that equals the trace's
 * first, each step is the choice of the named instance and label whose outcome equals the
 * recorded state (the last may be the violation itself). A trace that is no run of the model is
 * refused with replay's account of the first step that differs.
 */
final class TraceWalk {
  private TraceWalk() {}

  static TracePath of(TransitionSystem model, Path file, String name,
      Map<String, Integer> constants) {
    JsonTrace.Recorded recorded;
    try {
      recorded = JsonTrace.read(file);
    } catch (TraceFileException e) {
      throw new InvalidInputException(e.diagnostic().render(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return walk(model, recorded, name, recordedConstants(file), constants);
  }

  /**
   * The trace reader reads files, and positions in its messages name the file: the text goes
   * to a file of {@code name}'s own name in a directory of its own, whose path is cut from the
   * messages again.
   */
  static TracePath ofText(TransitionSystem model, String name,
      String text, Map<String, Integer> constants) {
    String base = Path.of(name.isBlank() ? "trace.json" : name).getFileName().toString();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("poolcheck-trace");
      Path file = dir.resolve(base);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      try {
        return of(model, file, base, constants);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage().replace(dir + java.io.File.separator, ""),
            e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the uploaded trace: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        try {
          Files.deleteIfExists(dir.resolve(base));
          Files.deleteIfExists(dir);
        } catch (IOException e) {
          // a leftover file in the temporary directory, nothing worse
        }
      }
    }
  }

  private static TracePath walk(TransitionSystem model, JsonTrace.Recorded recorded, String name,
      Map<String, Integer> recordedConstants, Map<String, Integer> constants) {
    Property property = model.property(recorded.property()).orElseThrow(() ->
        refused(name, "the model has no property '" + recorded.property() + "'",
            recorded, model, recordedConstants, constants));
    // As replay does: what the search that found the trace checked, and its property; a trace
    // that does not say (ITF, a bare trace) is walked with every property checked.
    List<String> checked = null;
    if (recorded.checked() != null) {
      List<String> unknown = recorded.checked().stream()
          .filter(n -> model.property(n).isEmpty()).toList();
      if (!unknown.isEmpty()) {
        throw refused(name, "its search checked " + String.join(", ", unknown)
            + ", which the model does not have", recorded, model, recordedConstants, constants);
      }
      checked = PropertySelection.of(model, recorded.checked(), true).with(property.id())
          .names();
    }
    PropertySelection selection = checked == null ? PropertySelection.all(model)
        : PropertySelection.of(model, checked, true);
    Stepper stepper = model.stepper(selection);
    List<Integer> path = new ArrayList<>();
    List<StateWalk.Emission> here = StateWalk.initial(stepper);
    for (int i = 0; i < recorded.steps().size(); i++) {
      JsonTrace.Step step = recorded.steps().get(i);
      int[] want;
      try {
        want = model.state(step.state());
      } catch (IllegalArgumentException e) {
        throw refused(name, "state " + i + " does not fit the model: " + e.getMessage(),
            recorded, model, recordedConstants, constants);
      }
      // The state at a failing assert can equal an outcome of another branch of the same
      // step, so on the last step the recorded violation is looked for first (as replay does).
      boolean last = i == recorded.steps().size() - 1;
      int found = last ? find(model, here, want, step, property.id()) : -1;
      if (found < 0) found = find(model, here, want, step, -2);
      if (found < 0) {
        // A trace that does not say what its search checked is walked checking every property,
        // and a step of it can then break one its search did not check.
        for (StateWalk.Emission e : here) {
          if (e.property() >= 0 && e.transition() >= 0 && named(model, e.transition(), step)) {
            throw refused(name, "step " + i + " (" + step.process() + " " + step.label()
                + ") breaks " + model.properties().get(e.property()).name() + " here; the "
                + "trace does not say which properties its search checked (a JSON result's "
                + "\"checked\"), so the walk checks every one", recorded, model,
                recordedConstants, constants);
          }
        }
        Replay.Outcome o = Replay.check(model, recorded);
        throw refused(name, "state " + i + " is not " + (i == 0 ? "an initial state"
            : "a successor of state " + (i - 1)) + " in this model"
            + (o.ok() ? "" : " (replay: step " + o.step() + ": " + o.message() + ")"),
            recorded, model, recordedConstants, constants);
      }
      path.add(found);
      StateWalk.Emission e = here.get(found);
      if (e.property() >= 0) {
        if (i < recorded.steps().size() - 1) {
          throw refused(name, "state " + i + " is where " + model.properties()
              .get(e.property()).name() + " breaks, but the trace goes on", recorded, model,
              recordedConstants, constants);
        }
        break;
      }
      here = StateWalk.successors(stepper, e.state());
    }
    return new TracePath(name, property.name(), StateWalk.kind(property), path, recorded.loop(),
        checked);
  }

  /** The first emission of {@code property} (-2: any) equal to {@code want}, or -1. */
  private static int find(TransitionSystem model, List<StateWalk.Emission> here, int[] want,
      JsonTrace.Step step, int property) {
    for (int k = 0; k < here.size(); k++) {
      StateWalk.Emission e = here.get(k);
      if ((property == -2 || e.property() == property) && Arrays.equals(e.state(), want)
          && named(model, e.transition(), step)) {
        return k;
      }
    }
    return -1;
  }

  /** Whether emission of {@code transition} is the step the trace names (any, if unnamed). */
  private static boolean named(TransitionSystem model, int transition, JsonTrace.Step step) {
    if (step.process() == null) return true;
    if (transition < 0) return false;
    Transition t = model.transitions().get(transition);
    return t.instance().equals(step.process()) && t.label().equals(step.label());
  }

  private static InvalidInputException refused(String name, String why,
      JsonTrace.Recorded recorded, TransitionSystem model, Map<String, Integer> recordedConstants,
      Map<String, Integer> constants) {
    StringBuilder m = new StringBuilder(name + ": not a run of model " + model.name() + ": " + why);
    if (recorded.model() != null && !recorded.model().equals(model.name())) {
      m.append("; the trace was recorded on model ").append(recorded.model());
    }
    List<String> differ = new ArrayList<>();
    recordedConstants.forEach((k, v) -> {
      Integer here = constants.get(k);
      if (here != null && !here.equals(v)) differ.add(k + "=" + v + " (here " + here + ")");
    });
    if (!differ.isEmpty()) {
      m.append("; it was recorded with ").append(String.join(", ", differ))
          .append(": start the explorer with those -D values or the --config it was found at");
    }
    return new InvalidInputException(m.toString(), null);
  }

  /** The constants a JSON result records, empty for a bare trace or an ITF file. */
  private static Map<String, Integer> recordedConstants(Path file) {
    try {
      JsonNode c = new ObjectMapper().readTree(file.toFile()).get("constants");
      if (c == null || !c.isObject()) return Map.of();
      Map<String, Integer> out = new java.util.LinkedHashMap<>();
      c.properties().forEach(f -> {
        if (f.getValue().isInt()) out.put(f.getKey(), f.getValue().intValue());
      });
      return out;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }
}
