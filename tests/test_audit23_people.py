"""People of an article of the family that no other test had seen: the roles the text gives
them are read whatever verb follows them, when two names share their titles, and in a clause
joined by "and" (issue 2: "people with the roles the text gives them")."""

from __future__ import annotations

import pytest

from lgnews.parse import Person, extract_people, parse_article

ARTICLE = """Xinhua County held the 2023 flood prevention and drought relief work conference

2023-01-05 0 By

On December 28, Zhang Wei, secretary of the County Party Committee, presided over the county flood prevention and \
drought relief work conference.Wang Jun, deputy secretary of the County Party Committee and county head, made a \
deployment.Luo Wenwei and Wang Qian, deputy heads of the county, attended.The meeting studied the plan of 2023, and \
Deng Qiang, vice mayor of Loudi, attended and delivered a speech.Tan Hui, secretary of the Party Working Committee of \
Lianbin Street, read out the commendation decision.(Reporter Zhou Li, correspondent Peng Fei) Source: Xinhua County \
Rong Media Center
"""


def test_every_person_of_a_new_article_is_read_with_the_roles_the_text_gives():
    """Before: only Zhang Wei was found. Wang Jun ("made a deployment"), the two deputy heads
    ("Luo Wenwei and Wang Qian, deputy heads of the county, attended"), Deng Qiang (", and
    Deng Qiang, vice mayor of Loudi, attended") and Tan Hui ("read out") were missing from the
    draft meta.yml, the article's page and the people index."""
    article = parse_article(ARTICLE)
    assert article.people == [
        Person("Zhang Wei", ("secretary of the County Party Committee",), ("presiding",)),
        Person("Wang Jun", ("deputy secretary of the County Party Committee", "county head"), ("speaking",)),
        Person("Luo Wenwei", ("deputy heads of the county",), ("attending",)),
        Person("Wang Qian", ("deputy heads of the county",), ("attending",)),
        Person("Deng Qiang", ("vice mayor of Loudi",), ("attending", "speaking")),
        Person("Tan Hui", ("secretary of the Party Working Committee of Lianbin Street",), ("speaking",)),
    ]
    assert article.credits == {"reporter": ["Zhou Li"], "correspondent": ["Peng Fei"]}


@pytest.mark.parametrize("verb", ["made a report on the work", "made arrangements for the work", "reported on the work",
                                  "summarized the work of 2022", "deployed the work of 2023", "made a deployment"])
def test_a_report_or_a_deployment_is_a_speech(verb):
    assert extract_people(f"The county met. Xu Diren, deputy head of the county, {verb}.") == [
        Person("Xu Diren", ("deputy head of the county",), ("speaking",))]


def test_another_verb_after_the_titles_still_names_the_person_and_the_titles():
    assert extract_people("In 2022, Wang Jun, head of the county, focused on flood control.") == [
        Person("Wang Jun", ("head of the county",), ())]


@pytest.mark.parametrize("sentence", [
    # Not a person: a place before the titles, words that name no office, a verb of a relative clause.
    "In 2022, Li Village, the model village of the county, worked hard.",
    "In 2022, Wang Jun, a model worker, worked hard.",
    "Li Ming, Wang Qian, heads of towns and relevant departments attended.",
])
def test_what_names_no_one_with_an_office_gives_no_one(sentence):
    assert extract_people(sentence) == []


def test_two_names_and_a_title_after_a_clause_of_their_own():
    """The lead name is taken only at the start of a clause: "chaired by Liu Yue and Wang Jun,
    county head, ..." is the passive's business."""
    assert extract_people("The county met. Luo Wenwei and Wang Qian, deputy heads of the county, made reports.") == [
        Person("Luo Wenwei", ("deputy heads of the county",), ("speaking",)),
        Person("Wang Qian", ("deputy heads of the county",), ("speaking",))]


@pytest.mark.parametrize(("sentence", "names"), [
    ("Attending the meeting were Liu Chihui, Xu Diren and Luo Wenwei.", ["Liu Chihui", "Xu Diren", "Luo Wenwei"]),
    ("Also attending were county leaders Li Hua and Chen Ming.", ["Li Hua", "Chen Ming"]),
    ("Attending the conference were Xiao Minhai, Party jianguo and Gao Ying.", ["Xiao Minhai", "Party jianguo", "Gao Ying"]),
    ("Attending the meeting were leaders of the relevant departments.", []),
    ("Attending the meeting were Party members and cadres.", []),
])
def test_an_attendee_list_after_its_verb_attends(sentence, names):
    """"Attending the meeting were A, B and C": the list after the verb named no one."""
    assert extract_people(f"On January 8, the city met. {sentence}") == [Person(n, (), ("attending",)) for n in names]
