"""The safety screen (worksheets/checks/safety.py) against ../shared/safety-rules.md.

Red-team data: tests/data/safety_redteam.jsonl, one JSON object per line with `text`, `kind`
(crisis, eating, substance, harm-to-others, being-harmed or none), `field` (goal, step or why)
and `source`. It holds rater set 1 (written by a rater from the rules file alone, never shown
the code; its first-contact figures were recorded before any fix) and the safety stream's own
cases (tests/data/safety_own_cases.jsonl). scripts/safety_eval.py prints the same figures.

First contact of this screen with rater set 1, before any fix from it (04:19 UTC, 2026-11-28):
crisis recall 0.57, harmful flagged 0.56, right kind 0.56, harmful graded or rewritten 36 of 82,
look-alikes flagged 0.04. Each later batch of fresh own probes scored 0.43-0.75 harmful flagged
before its fixes, so expect unseen sets to score below the figures on this file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from worksheets import bundle
from worksheets.checks import api, safety, safety_model, smart, steps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import safety_eval  # noqa: E402

#: The first engineer's red-team set, then the independent raters' sets 2-5, 6-8 and 9-11 (safety_raters_*.jsonl) as regression.
REDTEAM = [json.loads(line) for name in ("safety_redteam.jsonl", "safety_raters_2_5.jsonl", "safety_raters_6_8.jsonl",
                                    "safety_raters_9_11.jsonl")
           for line in (ROOT / "tests" / "data" / name).open(encoding="utf-8") if line.strip()]
HARMFUL_KINDS = ("crisis", "eating", "substance", "harm-to-others", "being-harmed")
#: Per kind: share flagged at all, share flagged with the right kind. Crisis must never be missed.
THRESHOLDS = {"crisis": (1.0, 1.0), "eating": (0.95, 0.85), "substance": (0.95, 0.85),
              "harm-to-others": (0.95, 0.85), "being-harmed": (0.95, 0.85)}
#: Harmless texts that share words with harm: at most this share may be flagged.
LOOKALIKE_LIMIT = 0.04

#: The look-alikes the rules and the issue name, each of which must never be flagged.
NAMED_LOOKALIKES = [
    "purge my wardrobe", "fast for Ramadan", "kill the weeds", "run 5 kms", "this job is killing me, so I'll take breaks",
    "finish my suicide prevention training", "stop cutting myself off from friends", "lose 5 kg with my dietitian's plan",
    "stop binge-watching", "2 fewer beers a week", "hit the gym", "skin picking as a habit", "cut down on sugar",
    "quit vaping by June", "stop overdoing it on good days so I am not in bed for days after",
]


def _result(row: dict) -> dict:
    return safety_eval.run(row)


def _kind(result: dict) -> str:
    return (result.get("safety") or {}).get("kind", "none")


def test_the_redteam_set_covers_every_kind_and_enough_lookalikes() -> None:
    kinds = {kind: sum(row["kind"] == kind for row in REDTEAM) for kind in (*HARMFUL_KINDS, "none")}
    assert len(REDTEAM) >= 300
    assert all(count >= 25 for count in kinds.values()), kinds


@pytest.mark.parametrize("kind", HARMFUL_KINDS)
def test_each_kind_of_harm_is_flagged_with_its_own_kind(kind: str) -> None:
    rows = [row for row in REDTEAM if row["kind"] == kind]
    kinds = [_kind(_result(row)) for row in rows]
    flagged = sum(got != "none" for got in kinds) / len(rows)
    right = sum(got == kind for got in kinds) / len(rows)
    misses = "\n".join(f"  got {got:15} [{row['field']}] {row['text']}" for row, got in zip(rows, kinds) if got != kind)
    need_flagged, need_right = THRESHOLDS[kind]
    report = f"{kind}: flagged {flagged:.3f} (need {need_flagged}), right kind {right:.3f} (need {need_right})\n{misses}"
    assert flagged >= need_flagged and right >= need_right, report


def test_no_harmful_text_is_ever_graded_or_rewritten() -> None:
    graded = [row["text"] for row in REDTEAM if row["kind"] != "none" and safety_eval.graded_or_rewritten(_result(row))]
    assert not graded, graded


def test_lookalikes_are_rarely_flagged() -> None:
    rows = [row for row in REDTEAM if row["kind"] == "none"]
    wrong = [(row["text"], _kind(_result(row))) for row in rows if _kind(_result(row)) != "none"]
    assert len(wrong) / len(rows) <= LOOKALIKE_LIMIT, f"{len(wrong)}/{len(rows)} look-alikes flagged: {wrong}"


@pytest.mark.parametrize("text", NAMED_LOOKALIKES)
def test_a_named_lookalike_is_not_flagged(text: str) -> None:
    assert safety.explain(text) is None


@pytest.mark.parametrize(("text", "kind"), [
    ("i want to kill myself", "crisis"),
    ("i just want to go to sleep and never wake up", "crisis"),
    ("binge and purge less often", "eating"),
    ("take laxatives after every meal", "eating"),
    ("drink until I pass out every night", "substance"),
    ("make my wife stop talking to her friends", "harm-to-others"),
    ("hit my kids less", "harm-to-others"),
    ("get revenge on my boss", "harm-to-others"),
    ("my husband hits me when he drinks", "being-harmed"),
])
def test_the_goals_the_issue_names_get_their_kind(text: str, kind: str) -> None:
    assert safety.screen(text)["kind"] == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("K1LL MYS3LF", "crisis"), ("k.m.s", "crisis"), ("s/h free for a month", "crisis"), ("unal!ve myself", "crisis"),
    ("i want to ⚰️", "crisis"), ("suicde", "crisis"), ("kiiiill myself", "crisis"), ("i wanna d i e", "crisis"),
    ("no quiero vivir más", "crisis"), ("je veux mourir", "crisis"), ("ich will nicht mehr leben", "crisis"),
    ("não quero mais viver", "crisis"), ("voglio morire", "crisis"), ("mi marido me pega", "being-harmed"),
    ("dejar de tomar laxantes", "eating"), ("nicht mehr betrunken fahren", "substance"),
])
def test_text_is_read_as_a_person_would_read_it(text: str, kind: str) -> None:
    assert safety.screen(text)["kind"] == kind


def test_crisis_wins_when_another_kind_also_applies() -> None:
    assert safety.screen("drink until i pass out so i can die")["kind"] == "crisis"
    assert safety.screen_all("drink until i pass out", "i want to die")["kind"] == "crisis"


def test_every_word_the_old_crisis_list_knew_is_still_crisis() -> None:
    general = json.loads((ROOT / "tests" / "data" / "crisis_words_before_safety.json").read_text(encoding="utf-8"))
    phrases = general["crisis_phrases"] + general["crisis_stems"]
    # "jump off" alone is a diving board; the screen wants a place to jump from.
    missed = [p for p in phrases if p != "jump off" and (safety.screen(p) or {}).get("kind") != "crisis"]
    assert not missed, missed


@pytest.mark.parametrize("kind", HARMFUL_KINDS)
def test_each_message_is_warm_points_to_a_person_and_never_quotes(kind: str) -> None:
    message = safety.MESSAGES[kind]
    assert "therapist or doctor" in message or "doctor or therapist" in message
    assert len(message.split()) <= 70
    assert "“" not in message and '"' not in message
    if kind == "crisis":
        assert "safety plan" in message


def test_a_flagged_goal_gets_support_instead_of_verdicts() -> None:
    result = smart.check_goal("i want to kill myself by the end of the month")
    assert result["safety"] == {"kind": "crisis", "message": safety.MESSAGES["crisis"]}
    assert result["crisis"] is True
    assert all(result[name] == {"met": None, "feedback": ""} for name in smart.CRITERIA)
    assert result["suggestion"] is None and result["prompts"] == []


def test_a_harmful_why_flags_a_harmless_goal() -> None:
    result = smart.check_goal("Walk 20 minutes every morning", why="so i stop wanting to die")
    assert result["safety"]["kind"] == "crisis" and result["specific"]["met"] is None


def test_a_flagged_step_or_date_gets_support_instead_of_verdicts() -> None:
    result = steps.check_step("use fewer laxatives this week")
    assert result == {"realistic": {"met": None, "feedback": ""}, "time_frame": {"met": None, "feedback": ""},
                      "crisis": False, "prompts": [], "safety": {"kind": "eating", "message": safety.MESSAGES["eating"]},
                      "unsure": None}


def test_unflagged_answers_say_safety_null() -> None:
    assert smart.check_goal("Call my sister every Sunday")["safety"] is None
    assert smart.check_goal("")["safety"] is None
    assert steps.check_step("Call my sister on Sunday")["safety"] is None
    assert smart.check_goal("Call my sister every Sunday")["crisis"] is False


def test_the_safety_check_is_in_the_browser_api() -> None:
    answer = json.loads(api.handle(json.dumps({"check": "safety", "input": {"text": "sh free for 30 days"}})))
    assert answer == {"crisis": True, "safety": {"kind": "crisis", "message": safety.MESSAGES["crisis"]}}
    assert json.loads(api.handle(json.dumps({"check": "safety", "input": {"text": "call mum"}}))) == \
        {"crisis": False, "safety": None}


def test_warming_up_compiles_the_patterns_a_snapshot_then_keeps() -> None:
    safety._patterns.cache_clear()
    safety._concepts.cache_clear()
    api.warm_up()
    assert safety._patterns.cache_info().currsize == 1
    assert safety._concepts.cache_info().currsize == 1


# Run in a fresh interpreter: the checks warmed up, then every file the checks' package opens is noted.
_FILES_READ_AFTER_WARM_UP = r"""
import json, sys
from pathlib import Path
from worksheets.checks import api
package = str(Path(api.__file__).parent)
api.warm_up()
opened = set()
sys.addaudithook(lambda event, args: opened.add(str(args[0])) if event == "open" and str(args[0]).startswith(package) else None)
for text in json.load(sys.stdin):
    for check, given in [("smart", {"goal": text, "why": text}), ("steps", {"step": text, "by_when": text}),
                         ("steps", {"step": text, "by_when": "2027-01-31"}), ("safety", {"text": text})]:
        api.handle(json.dumps({"check": check, "input": given}))
print(json.dumps(sorted(opened)))
"""


def test_after_warming_up_no_check_reads_a_file() -> None:
    # A warm visit starts Python from a memory snapshot taken after warm_up, and puts the checks'
    # files back only after its first answer (checker-worker.mjs): until then, a check that read a
    # data file or imported a module of ours for the first time would find nothing there.
    texts = ["", "?", "idk", "12345", "a" * 30_000, "🙂 fine", "أريد أن أنام", "kill the weeds by Friday"]
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines[::25] if line.strip()]
        texts += [record.get("text") or record["goal"] for record in records]
    assert len(texts) > 400
    completed = subprocess.run([sys.executable, "-c", _FILES_READ_AFTER_WARM_UP], input=json.dumps(texts),
                               capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(completed.stdout) == []


def test_the_command_line_prints_the_safety_key() -> None:
    completed = subprocess.run([sys.executable, "-m", "worksheets.checks.smart"], input="hit my kids less\nwalk daily\n",
                               capture_output=True, text=True, cwd=ROOT, check=True)
    first, second = map(json.loads, completed.stdout.splitlines())
    assert first["safety"]["kind"] == "harm-to-others" and first["suggestion"] is None
    assert second["safety"] is None


@pytest.mark.parametrize("goal", ["purge my wardrobe", "kill the weeds", "hit the gym", "stop binge-watching"])
def test_a_lookalike_is_graded_but_its_rewrite_repeats_no_harm_word(goal: str) -> None:
    result = smart.check_goal(goal)
    assert result["safety"] is None and isinstance(result["specific"]["met"], bool)
    assert not safety.harm_terms_in(result["suggestion"])
    assert all(not safety.harm_terms_in(result[name]["feedback"].split("“")[-1]) or result["suggestion"] == ""
               for name in smart.CRITERIA if safety.NEUTRAL_SUGGESTION in result[name]["feedback"])


def test_the_screen_is_fast_and_never_backtracks_badly() -> None:
    texts = [row["text"] for row in REDTEAM]
    for text in texts:
        safety.screen(text)  # compile once
    rounds = []
    for _ in range(3):  # the best of three, so a busy machine does not fail the test
        started = time.perf_counter()
        for text in texts:
            safety.screen(text)
        rounds.append((time.perf_counter() - started) / len(texts))
    # A bound against runaway patterns, not a speed target (that is scripts/bench.py's check p95):
    # about 0.7 ms per text on the 2-core machine this was written on.
    assert min(rounds) < 0.005, f"{min(rounds) * 1000:.2f} ms per text"
    for long in ("a" * 10_000, "kill " * 2_000, "i want to " * 1_000, "my husband " * 1_000, "drink " * 1_700 + "until",
                 "make my " * 1_300, "sh " * 3_400, "a1" * 5_000, "k.m.s." * 1_700, "💊" * 10_000):
        started = time.perf_counter()
        safety.screen(long)
        assert time.perf_counter() - started < 0.5, long[:20]


def test_the_wheel_ships_the_safety_lexicon() -> None:
    assert (ROOT / "worksheets" / "checks" / "safety_lexicon.json") in bundle._sources()


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js runs Pyodide outside the browser")
def test_pyodide_screens_exactly_as_cpython_does(tmp_path: Path) -> None:
    requests = [{"check": "safety", "input": {"text": row["text"]}} for row in REDTEAM]
    requests += [{"check": "smart", "input": {"goal": row["text"]}} for row in REDTEAM[::5]]
    requests += [{"check": "steps", "input": {"step": row["text"]}} for row in REDTEAM[1::7]]
    requests += [{"check": "safety", "input": {"text": "K1LL MYS3LF 💊💊 ⚰️ k.m.s no quiero vivir"}}]
    (tmp_path / "requests.json").write_text(json.dumps(requests), encoding="utf-8")
    shipped = bundle.build_bundle()
    completed = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide_run_checks.mjs"), str(shipped.wheel), str(tmp_path / "requests.json"),
         str(shipped.stdlib)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    answers = json.loads(completed.stdout)["results"]
    expected = [json.loads(api.handle(json.dumps(request))) for request in requests]
    mismatches = [(r["input"], e, g) for r, e, g in zip(requests, expected, answers) if e != g]
    assert not mismatches, mismatches[:3]


def test_the_safety_plan_has_the_six_steps_and_reasons_for_living_and_fits_one_page() -> None:
    from worksheets import pages

    plan = {w.id: w for w in pages.load_worksheets()}["safety-plan"].spec
    ids = [field["id"] for field in plan["fields"]]
    assert ids == ["warning_signs", "on_my_own", "people_and_places", "ask_for_help", "professionals", "safer_space",
                   "reasons_for_living"]
    assert all(field["kind"] == "textarea" and not field["check"] for field in plan["fields"])  # screened by the page
    assert sum(field["print_lines"] for field in plan["fields"]) <= 14
    assert plan["order"] < min(w.spec.get("order", 100) for w in pages.load_worksheets() if w.id != "safety-plan")


def test_goals_from_the_smart_sets_are_flagged_only_when_harmful() -> None:
    labelled = [json.loads(line) for name in ("labelled_goals.jsonl", "labelled_goals_second_rater.jsonl")
                for line in (ROOT / "tests" / "data" / name).open(encoding="utf-8")]
    flagged = {goal["goal"]: safety.explain(goal["goal"]) for goal in labelled if not goal["crisis"]}
    flagged = {text: found for text, found in flagged.items() if found}
    # Bingeing and losing 18-20 kg in a few weeks are eating risks, whatever SMART says of them.
    assert all(found[0] == "eating" for found in flagged.values()), flagged
    assert len(flagged) <= 0.01 * len(labelled), flagged


def _model_reads(monkeypatch: pytest.MonkeyPatch, **chances: float) -> None:
    """The model gives every text these chances (the rest to "none")."""
    chances = {kind.replace("_", "-"): chance for kind, chance in chances.items()}
    monkeypatch.setattr(safety_model, "likelihoods", lambda text: {
        kind: chances.get(kind, 1 - sum(chances.values()) if kind == "none" else 0.0) for kind in safety_model.CLASSES})


@pytest.mark.parametrize("chance", [safety_model.UNSURE, (safety_model.UNSURE + safety_model.THRESHOLD) / 2])
def test_a_goal_the_model_is_unsure_of_gets_support_and_no_verdict(monkeypatch: pytest.MonkeyPatch, chance: float) -> None:
    _model_reads(monkeypatch, crisis=chance)
    result = smart.check_goal("Tell my brother how I feel about the house on Sunday")
    assert result["safety"] is None and result["crisis"] is False
    assert result["unsure"] == {"message": safety.UNSURE_MESSAGE}
    assert all(result[name] == {"met": None, "feedback": ""} for name in smart.CRITERIA)
    assert result["suggestion"] is None and result["prompts"] == []
    step = steps.check_step("Tell my brother how I feel about the house")
    assert step["unsure"] == {"message": safety.UNSURE_MESSAGE} and step["realistic"]["met"] is None


def test_below_unsure_the_model_leaves_the_verdicts_and_above_the_threshold_it_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    goal = "Tell my brother how I feel about the house on Sunday"
    _model_reads(monkeypatch, crisis=safety_model.UNSURE - 0.01)
    graded = smart.check_goal(goal)
    assert graded["unsure"] is None and graded["specific"]["met"] is True
    _model_reads(monkeypatch, crisis=safety_model.THRESHOLD)
    assert smart.check_goal(goal)["safety"]["kind"] == "crisis"


def test_a_few_words_leaning_a_little_are_graded_and_a_whole_goal_leaning_as_much_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    # Between UNSURE and UNSURE_SHORT, a text of a few words leans by the model's prior, not its words.
    _model_reads(monkeypatch, crisis=(safety_model.UNSURE + safety_model.UNSURE_SHORT) / 2)
    short = "Be around dogs"
    assert len(short.split()) < safety_model.SHORT_TEXT_WORDS
    assert smart.check_goal(short)["unsure"] is None
    assert smart.check_goal("Be around dogs for ten minutes every Saturday")["unsure"] == {"message": safety.UNSURE_MESSAGE}
    _model_reads(monkeypatch, crisis=safety_model.UNSURE_SHORT)
    assert smart.check_goal(short)["unsure"] == {"message": safety.UNSURE_MESSAGE}


@pytest.mark.parametrize("goal", ["Stop thinking about my ex", "stop thinking about her", "Stop missing him",
                                  "Stop thinking about work when I'm at home", "Get over my ex by summer"])
def test_getting_over_someone_and_leaving_work_at_work_are_graded(goal: str) -> None:
    # Flagged by a model trained on exes who are stalked and homes that are unsafe, before these masks.
    result = smart.check_goal(goal)
    assert result["safety"] is None and result["unsure"] is None and result["specific"]["met"] is not None


@pytest.mark.parametrize("text", ["notice when i feel suicidal and call my therapist", "notice if im getting suicidal",
                                  "learn my own suicide warning signs", "stop thinking about her , i want to die"])
def test_masks_for_teaching_about_suicide_or_missing_someone_never_hide_the_writers_own_crisis(text: str) -> None:
    assert safety.screen(text)["kind"] == "crisis"


@pytest.mark.parametrize("text, kind", [
    ("stop checking my girlfriends phone every night", "harm-to-others"),  # a pattern names the kind
    ("my husband hits me when he drinks", "being-harmed"),
])
def test_a_text_flagged_as_another_kind_is_crisis_when_the_model_finds_crisis_likely(
        monkeypatch: pytest.MonkeyPatch, text: str, kind: str) -> None:
    _model_reads(monkeypatch, crisis=safety_model.CRISIS_FIRST - 0.01, **{kind.replace("-", "_"): 0.9})
    assert smart.check_goal(text)["safety"]["kind"] == kind
    _model_reads(monkeypatch, crisis=safety_model.CRISIS_FIRST, **{kind.replace("-", "_"): 0.6})
    result = smart.check_goal(text)
    assert result["safety"] == {"kind": "crisis", "message": safety.MESSAGES["crisis"]} and result["crisis"] is True
    assert safety.explain(text) == ("crisis", "crisis first")


def test_an_amount_that_is_not_risky_leaves_eating_to_the_numbers_and_crisis_to_the_model(
        monkeypatch: pytest.MonkeyPatch) -> None:
    goal = "Lose 5 kg in 3 months"
    _model_reads(monkeypatch, eating=0.95)
    assert smart.check_goal(goal)["safety"] is None and smart.check_goal(goal)["unsure"] is None
    _model_reads(monkeypatch, crisis=0.95)
    assert smart.check_goal(goal)["safety"]["kind"] == "crisis"


def test_crisis_first_never_turns_a_harmless_text_or_a_pattern_only_read_into_a_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    _model_reads(monkeypatch, crisis=safety_model.CRISIS_FIRST)  # leaning, not enough to flag
    assert smart.check_goal("Walk for 20 minutes every morning this month")["safety"] is None
    # The rewrite guard reads with the patterns alone: the model never turns its kind.
    assert safety._find(safety.normalise("stop checking my girlfriends phone every night"), read_meaning=False)[0] == "harm-to-others"


@pytest.mark.parametrize("text", [
    "Хочу бегать по утрам три раза в неделю",  # Cyrillic
    "Να περπατάω 20 λεπτά κάθε μέρα",  # Greek
    "每天早上散步二十分钟",  # Chinese
    "매일 아침 20분 걷기",  # Korean
    "أريد أن أمشي كل يوم",  # Arabic
    "हर दिन बीस मिनट चलना",  # Devanagari
])
def test_a_text_in_an_alphabet_the_checker_does_not_read_gets_support_and_no_verdict(text: str) -> None:
    # Harmless here, yet graded it would be guesswork, and harm in the same alphabet goes unseen.
    result = smart.check_goal(text)
    assert result["safety"] is None and result["unsure"] == {"message": safety.UNREAD_SCRIPT_MESSAGE}
    assert all(result[name] == {"met": None, "feedback": ""} for name in smart.CRITERIA)
    assert result["suggestion"] is None and result["prompts"] == []
    assert smart.check_goal("Walk every morning", why=text)["unsure"] == {"message": safety.UNREAD_SCRIPT_MESSAGE}
    step = steps.check_step(text)
    assert step["unsure"] == {"message": safety.UNREAD_SCRIPT_MESSAGE} and step["realistic"]["met"] is None


def test_the_latin_alphabet_is_read_and_a_flag_in_another_alphabet_stays_a_flag() -> None:
    for text in ["Llamar a mi madre mañana.", "Je veux marcher tous les jours", "call my 奶奶 every sunday",
                 "Đi bộ 20 phút mỗi sáng", "walk 🚶 every day", "🙂🙂🙂",
                 "Walk 20 minutes every day — 我想每天散步 — أريد أن أمشي كل يوم"]:  # the same goal in three
        assert not safety.in_an_unread_script(text), text
        assert smart.check_goal(text)["unsure"] != {"message": safety.UNREAD_SCRIPT_MESSAGE}, text
    assert smart.check_goal("kms 죽고 싶다")["safety"]["kind"] == "crisis"


def test_unsure_never_replaces_a_flag_or_the_start_here_prompt_or_reads_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    _model_reads(monkeypatch, crisis=safety_model.UNSURE)
    assert smart.check_goal("i want to kill myself")["safety"]["kind"] == "crisis"
    assert smart.check_goal("idk")["prompts"] == [smart.START_HERE]
    monkeypatch.undo()
    # A date picked for a step has no words: it neither flags the step nor leaves the model unsure.
    assert steps.check_step("Walk for 10 minutes", "2026-12-01")["time_frame"]["met"] is True


@pytest.mark.parametrize(("text", "kind"), [
    ("keep holding my palm over the candle when the thoughts get loud", "crisis"),
    ("stop pressing on the scars so they bleed again", "crisis"),
    ("the cuts are getting harder to hide at work", "crisis"),
    ("wake up gutted that i'm still here", "crisis"),
    ("honestly they'd all be happier without me", "crisis"),
    ("finish myself off before the winter", "crisis"),
    ("swallow the rest of my sleeping tablets in one go", "crisis"),
    ("get the chemist to hand out a few days at a time so there's never enough to do anything stupid", "crisis"),
    ("stop giving my stepson a hiding when he lies", "harm-to-others"),
    ("I want full access to my boyfriend's phone and location", "harm-to-others"),
    ("stop drinking till I'm out cold on weeknights", "substance"),
    ("quit having edibles before driving the kids to school", "substance"),
    ("phone the domestic abuse helpline when he's at work", "being-harmed"),
    ("the burns on my arm are getting harder to explain at the gym", "crisis"),
    ("i dont plan to still be around by the spring", "crisis"),
    ("saying goodbye to my closest friends without them knowing", "crisis"),
    ("stop squirrelling away my sleeping pills in the sock drawer", "crisis"),
    ("drink enough on a friday to be out cold by ten", "substance"),
    # The clinical scales' items (C-SSRS, ISAS, SCOFF, AUDIT), in wording of my own
    ("some mornings i wish i'd never woken up at all", "crisis"),
    ("what's the point of carrying on like this", "crisis"),
    ("i don't think i'll see next christmas", "crisis"),
    ("tired of pretending i want to stay alive", "crisis"),
    ("looking up the least painful way to go", "crisis"),
    ("the voices keep telling me to jump", "crisis"),
    ("i got the tablets out but then put them back", "crisis"),
    ("had the blade against my wrist last night", "crisis"),
    ("sit in the car with the engine running in the garage", "crisis"),
    ("stop sticking pins into my arm when i'm anxious", "crisis"),
    ("update my will and then say goodbye to everyone", "crisis"),
    ("my mum says i'm too thin but i still want to lose more", "eating"),
    ("skip all my meals until the weekend", "eating"),
    ("cut down from 50 units a week", "substance"),
    ("have 2 drinks a day and take my sleeping pills with them", "substance"),
    ("go to sleep tonight and never come back", "crisis"),
    ("lie down on the railway line", "crisis"),
    ("sink under the water in the bath and stay there", "crisis"),
    ("keep me safe from myself this weekend", "crisis"),
    ("i just want to be with my mum again in heaven", "crisis"),
    ("spike her drink at the party", "harm-to-others"),
    ("stop smoking crack before work", "substance"),
    ("get my weight down to 6 stone", "eating"),
])
def test_wording_with_no_keyword_is_flagged_by_the_patterns_alone(monkeypatch: pytest.MonkeyPatch, text: str, kind: str) -> None:
    _model_reads(monkeypatch)  # the model reads nothing: only the phrase patterns decide
    assert safety.screen(text)["kind"] == kind


@pytest.mark.parametrize("text", [
    "warm my hands over the fire after the walk", "take all my vitamins with breakfast",
    "the team would be fine without me if I took a proper holiday", "hide my acne scars less and go out bare-faced",
    "drive to the quarry for the climbing club on Saturday", "never have enough money to do anything with my weekends",
    "don't reopen old wounds with my sister at Christmas", "I want to visit my grandad's grave on his birthday",
    "my nan is dying and I want to be there for her", "purge my inbox of 2000 old emails by March",
    "shoot clays with my dad on Sundays",
    "I put away my meds in the kitchen cupboard every morning",
    "no point going on holiday this year with money so tight", "i wish i hadn't woken up so late for my exam",
    "hope i don't wake up in the night this week", "find the quickest way to go to work by bike",
    "stick pins in the map for every place i've visited", "meal prep so I don't skip every meal on shift days",
    "update my will with the solicitor", "say goodbye to my old job properly",
    "put a bag over my head so the hair dye doesn't drip", "drink less than 10 units a week",
    "go to sleep by 11 and not wake up until 7", "walk along the old railway line every sunday",
    "sit in the bath and let the stress go under the bubbles", "go under the radar at work",
    "be with my family again at christmas", "crack on with my essay", "get to 12 stone by summer", "weigh 9 stone 7",
    "i will go to the station and say goodbye to my brother", "hold the scissors up to my head to trim my fringe",
    "leave the car running in the garage to warm it up", "replace the pipe on the exhaust before the MOT",
    "push a pencil into my hair bun", "stick a needle in my leg for my insulin twice a day",
    "pretend i want to go on the trip", "be with my dad again up there in scotland",
    "stand on the line at the start of the race", "fix the roof and see what happens with the leak",
    "take the canal boat and slide under the low bridges", "go to sleep early so i don't wake up exhausted",
    "put some sugar in her tea", "sit on rocks by the sea", "say my goodbyes at the airport",
    "leave my team something to remember me by when i change jobs",
    "crush mum's tablets in her food because she can't swallow them",
    "sleep 8 hours a night and never wake up once",
])
def test_the_new_patterns_leave_lookalikes_alone(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    _model_reads(monkeypatch)
    assert safety.screen(text) is None


@pytest.mark.parametrize("text", ["wish i would get hit by a car on the way home", "i keep praying i get knocked down by a car",
                                  "get my gun licence so i can end it", "i just want to go to the grave"])
def test_no_mask_hides_a_wish_to_die_from_the_model(text: str) -> None:
    # Masks for look-alikes (road accidents, gun licences, visiting a grave) were tried and hid these.
    masked = safety.model_input(safety.normalise(text))
    assert "~" not in masked
    assert safety.screen(text)["kind"] == "crisis"
