"""Properties of the safety layer on any text: a flagged entry never gets a verdict, a rewrite or
a prompt, and no rewrite the SMART check suggests ever contains a harm-lexicon word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from worksheets.checks import safety, smart, steps

#: Harm phrases of every kind, as people write them (some obfuscated, some in other languages).
HARM_PHRASES = [
    "kill myself", "kms", "k1ll mys3lf", "sleep and never wake up", "sh", "cut myself", "overdose", "unalive", "end it all",
    "purge", "laxatives", "starve myself", "binge", "make myself throw up", "diet pills", "eat 500 calories a day",
    "drink until i pass out", "blackout drunk", "mix pills with vodka", "drive drunk", "heroin",
    "hit my kids", "get revenge on", "stalk my ex", "check my wife's phone", "beat my dog",
    "my husband hits me", "abusive boyfriend", "quiero morir", "me faire vomir", "💊💊 ⚰️",
]
#: Goal templates a phrase is mixed into, from plain to fully SMART.
TEMPLATES = [
    "{}", "stop {}", "{} less often", "{} 3 times a week", "I will {} every day this month because of my kids",
    "no more {} for 30 days", "try to {} by Friday", "Never {} again", "{} twice a week, even if it's not perfect",
    "call my sister every Sunday and {}", "Walk 20 minutes every morning; {}",
]

harm_mixed = st.builds(lambda template, phrase: template.format(phrase),
                       st.sampled_from(TEMPLATES), st.sampled_from(HARM_PHRASES))
benign_goals = st.builds(lambda template, phrase: template.format(phrase), st.sampled_from(TEMPLATES), st.sampled_from([
    "purge my wardrobe", "kill the weeds", "hit the gym", "run 5 kms", "stop binge-watching", "cut down on sugar",
    "fast for Ramadan", "call mum", "go to bed by 11pm", "drink 2 fewer beers",
]))
any_text = st.one_of(st.text(), harm_mixed, benign_goals, st.builds("{} {}".format, st.text(max_size=40), harm_mixed))


def _assert_flag_means_no_coaching(result: dict, criteria: tuple[str, ...]) -> None:
    flag, unsure = result["safety"], result["unsure"]
    assert result["crisis"] is bool(flag and flag["kind"] == "crisis")
    assert not (flag and unsure), result
    if flag:
        assert flag["kind"] in safety.KINDS and flag["message"] == safety.MESSAGES[flag["kind"]]
    if unsure:
        assert unsure in ({"message": safety.UNSURE_MESSAGE}, {"message": safety.UNREAD_SCRIPT_MESSAGE})
    if flag or unsure:
        assert all(result[name] == {"met": None, "feedback": ""} for name in criteria)
        assert result.get("suggestion") is None and result["prompts"] == []


@settings(max_examples=400, deadline=None)
@given(any_text, st.one_of(st.just(""), st.text(max_size=30), harm_mixed))
def test_a_flagged_goal_never_gets_a_verdict_a_rewrite_or_a_prompt(goal: str, why: str) -> None:
    _assert_flag_means_no_coaching(smart.check_goal(goal, why=why), smart.CRITERIA)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_a_flagged_step_never_gets_a_verdict_or_a_prompt(step: str) -> None:
    _assert_flag_means_no_coaching(steps.check_step(step), ("realistic", "time_frame"))


@settings(max_examples=400, deadline=None)
@given(any_text, st.one_of(st.just(""), st.text(max_size=30)))
def test_no_rewrite_ever_contains_a_harm_lexicon_word(goal: str, why: str) -> None:
    result = smart.check_goal(goal, why=why)
    assert not safety.harm_terms_in(result["suggestion"] or ""), result["suggestion"]


@settings(max_examples=300, deadline=None)
@given(harm_mixed)
def test_every_harm_phrase_in_any_template_is_flagged(goal: str) -> None:
    assert safety.screen(goal) is not None, goal


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_the_screen_answers_any_text_with_null_or_a_known_kind(text: str) -> None:
    answer = safety.check_text(text)
    assert answer["safety"] is None or answer["safety"]["kind"] in safety.KINDS
    assert answer["crisis"] is bool(answer["safety"] and answer["safety"]["kind"] == "crisis")
