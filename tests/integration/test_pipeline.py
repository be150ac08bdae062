"""The question pipeline end to end on a real SQLite file: chat in, ranked tagged queue out."""

from __future__ import annotations

import json
from datetime import UTC, date
from pathlib import Path

from bot.config import ClassifierConfig, replace
from bot.core.model import QuestionState, Region
from bot.sources.zoom import parse_chat_text, read_chat_file, read_registration_report
from bot.usecases import Service
from tests.conftest import FIXTURES
from tests.helpers import identity_scorer

DAY = date(2026, 11, 20)


async def _import(service: Service, name: str = "zoom_new.txt", registrants: bool = True) -> int:
    event = await service.events.open("Dialogue", "zoom", DAY)
    if registrants:
        rows = read_registration_report(FIXTURES / "registrants.csv")
        await service.people.import_registrants(
            event.id, [(r.display_name, r.email, r.country, r.organisation) for r in rows]
        )
    await service.intake.ingest(event.id, read_chat_file(FIXTURES / name, DAY, UTC))
    return event.id


async def test_questions_are_queued_tagged_and_explained(service: Service) -> None:
    event_id = await _import(service)
    board = await service.queue.ranked(event_id)
    texts = [e.question.text for e in board]
    assert any(t.startswith("How can the ministry protect activists") for t in texts)
    assert any(t.startswith("hoe zorgt het kabinet") for t in texts)  # "Vraag:" prefix stripped
    for entry in board:
        data = entry.as_json()
        for key in (
            "rank",
            "id",
            "text",
            "author",
            "region",
            "country",
            "language",
            "theme",
            "theme_scores",
            "votes",
            "state",
            "why",
        ):
            assert key in data
        assert data["why"]
        assert data["theme"] in ("policy", "civic", "system", "other")
    langs = {e.question.text[:12]: e.question.language for e in board}
    assert "en" in langs.values() and "nl" in langs.values() and "sw" in langs.values()


async def test_private_messages_never_reach_queue_board_or_export(service: Service) -> None:
    event_id = await _import(service)
    counts = await service.store.read.messages.counts(event_id)
    assert counts["private"] == 1  # kept for the record...
    board = json.dumps([e.as_json() for e in await service.queue.ranked(event_id)])
    doc = json.dumps(await service.exports.document(event_id), ensure_ascii=False)
    for text in (board, doc):  # ...but never shown or exported
        assert "0612345678" not in text and "ask my question first" not in text
        assert "John Doe" not in text


async def test_export_has_no_names_unless_switched_on(service: Service) -> None:
    event_id = await _import(service)
    doc = json.dumps(await service.exports.document(event_id), ensure_ascii=False)
    assert "Pieter" not in doc and "Grace" not in doc and "@example" not in doc
    assert "Participant 1" in doc
    # names on: only people who consented are named; nobody consented in this report
    named = json.dumps(
        await service.exports.document(event_id, include_names=True), ensure_ascii=False
    )
    assert "Pieter" not in named and "@example" not in named
    participant = await service.store.read.people.find(event_id, "pieter de vries")
    assert participant is not None
    async with service.store.unit() as uow:
        await uow.people.set_name_consent(participant.id, True)
    named = json.dumps(
        await service.exports.document(event_id, include_names=True), ensure_ascii=False
    )
    assert "Pieter de Vries" in named and "@example" not in named  # emails never
    assert "Grace" not in named  # she did not consent


async def test_reactions_are_votes_and_removal_takes_them_back(service: Service) -> None:
    event_id = await _import(service)
    (entry,) = [
        e for e in await service.queue.ranked(event_id) if "protect activists" in e.question.text
    ]
    # Pieter and Emma reacted with 👍, Emma removed hers
    assert entry.votes == 1
    assert "1 vote" in entry.why


async def test_reply_that_is_a_question_is_queued_and_linked(service: Service) -> None:
    event_id = await _import(service)
    questions = await service.store.read.questions.all(event_id)
    target = next(q for q in questions if "protect activists" in q.text)
    reply = next(q for q in questions if q.text.startswith("Na je, wizara"))
    assert reply.reply_to == target.id and reply.state is QuestionState.QUEUED
    assert not any(q.text.startswith("Buenos días") for q in questions)  # chatter reply


async def test_logistics_go_to_their_own_list(service: Service) -> None:
    event_id = await _import(service)
    logistics = [q.text for q in await service.queue.logistics(event_id)]
    assert logistics == ["Will the slides be shared after the webinar?"]
    assert all("slides" not in e.question.text for e in await service.queue.ranked(event_id))


async def test_reimport_is_idempotent(service: Service) -> None:
    event_id = await _import(service)
    before = await service.store.read.messages.counts(event_id)
    board = [e.as_json() for e in await service.queue.ranked(event_id)]
    result = await service.intake.ingest(
        event_id, read_chat_file(FIXTURES / "zoom_new.txt", DAY, UTC)
    )
    assert result.new == 0 and result.already_known == result.received > 0
    assert await service.store.read.messages.counts(event_id) == before
    assert [e.as_json() for e in await service.queue.ranked(event_id)] == board


async def test_regions_from_registration_name_suffix_and_unknown(service: Service) -> None:
    event_id = await _import(service)
    people = {p.display_name: p for p in await service.store.read.people.all(event_id)}
    assert people["Amani Mushi"].region is Region.SOUTH
    assert people["Amani Mushi"].region_source == "registration"
    assert people["Pieter de Vries"].region is Region.NORTH
    assert people["Emma Visser"].country == "NL"  # country found in the organisation
    assert people["Grace Wanjiru (Kenya)"].region is Region.SOUTH
    assert people["Grace Wanjiru (Kenya)"].region_source == "name"
    assert people["Sophie Müller (Germany)"].region is Region.NORTH


async def test_invisible_characters_in_names_still_match_registration(service: Service) -> None:
    event = await service.events.open("Sneaky", "zoom", DAY)
    await service.people.import_registrants(event.id, [("Amani Mushi", None, "Tanzania", None)])
    chat = "10:00:00 From  \u200bAMANI\u2060 mushi\u200e  to  Everyone:\n\tJe, wizara itatoa ufadhili wa moja kwa moja?\n"
    await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    (person,) = await service.store.read.people.all(event.id)
    assert person.region is Region.SOUTH and person.country == "TZ"


async def test_unknown_is_never_counted_as_south(service: Service) -> None:
    event = await service.events.open("Unknowns", "zoom", DAY)
    chat = "10:00:00 From  iPhone van Kees  to  Everyone:\n\tWaarom krijgen lokale organisaties geen directe financiering?\n"
    await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    (entry,) = await service.queue.ranked(event.id)
    assert entry.question.region is Region.UNKNOWN


async def test_registration_imported_later_upgrades_name_based_region(service: Service) -> None:
    event_id = await _import(service, registrants=False)
    people = {p.display_name: p for p in await service.store.read.people.all(event_id)}
    assert people["Amani Mushi"].region is Region.UNKNOWN
    rows = read_registration_report(FIXTURES / "registrants.csv")
    await service.people.import_registrants(
        event_id, [(r.display_name, r.email, r.country, r.organisation) for r in rows]
    )
    people = {p.display_name: p for p in await service.store.read.people.all(event_id)}
    assert people["Amani Mushi"].region is Region.SOUTH


async def test_same_question_twice_is_merged_and_votes_pool(service: Service) -> None:
    event = await service.events.open("Dupes", "zoom", DAY)
    chat = (
        "10:00:00 From  Joseph (Uganda)  to  Everyone:\n\tWill the ministry fund local organisations directly?\n"
        "10:01:00 From  Aicha (Mali)  to  Everyone:\n\twill the ministry fund local organisations directly??\n"
        '10:02:00 From  Tom (Netherlands)  to  Everyone:\n\tReacted to "will the ministry fund local..." with 👍\n'
    )
    result = await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    assert result.questions == 1 and result.merged == 1
    (entry,) = await service.queue.ranked(event.id)
    assert entry.votes == 2  # Aicha (merged asker) + Tom (voted on the duplicate)
    assert len(entry.question.merged_ids) == 1
    split = await service.moderation.split(entry.question.merged_ids[0])
    assert split.state is QuestionState.QUEUED
    assert len(await service.queue.ranked(event.id)) == 2


async def test_links_and_mass_mentions_are_held_for_review(service: Service) -> None:
    event = await service.events.open("Spam", "zoom", DAY)
    chat = (
        "10:00:00 From  Spammer  to  Everyone:\n\tWant cheap followers? visit www.spam.example/x\n"
        "10:01:00 From  Loud  to  Everyone:\n\t@everyone what do you think about our event?\n"
    )
    result = await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    assert result.held == 2
    assert await service.queue.ranked(event.id) == []
    assert {q.hold_reason for q in await service.queue.held(event.id)} == {
        "contains a link",
        "mass mention",
    }


async def test_flooding_participant_is_held(service: Service) -> None:
    event = await service.events.open("Flood", "zoom", DAY)
    chat = "".join(
        f"10:00:{i:02d} From  Flo  to  Everyone:\n\tWhat about question number {i} on funding?\n"
        for i in range(5)
    )
    result = await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    assert result.questions == 3 and result.held == 2


async def test_classifier_is_called_in_batches(service: Service, classifier) -> None:
    await _import(service)
    assert classifier.calls and max(classifier.calls) > 1


async def test_moderator_actions(service: Service) -> None:
    event_id = await _import(service)
    board = await service.queue.ranked(event_id)
    last = board[-1].question.id
    await service.moderation.pin(last)
    assert (await service.queue.ranked(event_id))[0].question.id == last
    assert "pinned" in (await service.queue.ranked(event_id))[0].why
    await service.moderation.set_state(last, QuestionState.ANSWERED)
    assert last not in [e.question.id for e in await service.queue.ranked(event_id)]
    retagged = await service.moderation.retag(board[0].question.id, "system")
    assert retagged.theme == "system"


async def test_store_survives_reopen(tmp_path: Path, config, classifier) -> None:
    from bot.app import open_service

    db = tmp_path / "b.sqlite3"
    async with open_service(config, db, classifier) as svc:
        event_id = await _import(svc)
        before = [e.question.id for e in await svc.queue.ranked(event_id)]
        version = await svc.store.schema_version()
    async with open_service(config, db, classifier) as svc:
        assert [e.question.id for e in await svc.queue.ranked(event_id)] == before
        assert await svc.store.schema_version() == version >= 1


async def test_forget_erases_a_person_everywhere(service: Service) -> None:
    event_id = await _import(service)
    assert (await service.privacy.forget(event_id, "grace wanjiru")).participants == 1
    doc = json.dumps(
        await service.exports.document(event_id, include_names=True), ensure_ascii=False
    )
    assert "Grace" not in doc and "protect activists" not in doc
    assert all(
        "protect activists" not in e.question.text for e in await service.queue.ranked(event_id)
    )


async def test_near_duplicates_merge_by_the_duplicate_score(
    tmp_path: Path, config, classifier
) -> None:
    # The fake classifier's embedding is a bag of words: same words, other order -> score 1.
    from bot.app import open_service

    config = replace(config, classifier=ClassifierConfig(duplicate_threshold=0.9))
    async with open_service(config, tmp_path / "d.sqlite3", classifier, identity_scorer(64)) as svc:
        event = await svc.events.open("Near", "zoom", DAY)
        chat = (
            "10:00:00 From  Ana (Bolivia)  to  Everyone:\n\tdirect funding for local organisations when?\n"
            "10:01:00 From  Tom (Netherlands)  to  Everyone:\n\twhen local organisations direct funding for?\n"
            "10:02:00 From  Eva (Germany)  to  Everyone:\n\tWhat is the policy budget for 2027 and its evaluation?\n"
            "10:03:00 From  Kofi (Ghana)  to  Everyone:\n\tWhat is the budget for 2027 and its civic activist space?\n"
        )
        result = await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
        assert result.merged == 1 and result.questions == 3
        board = await svc.queue.ranked(event.id)
        merged = next(e for e in board if e.question.merged_ids)
        assert merged.question.author == "Ana (Bolivia)" and merged.votes == 1


async def test_merged_entry_with_a_southern_asker_counts_as_southern(service: Service) -> None:
    event = await service.events.open("Mixed", "zoom", DAY)
    chat = (
        "10:00:00 From  Tom (Netherlands)  to  Everyone:\n\tWill the ministry fund local organisations directly?\n"
        "10:01:00 From  Joseph (Uganda)  to  Everyone:\n\tWill the ministry fund local organisations directly?\n"
    )
    for i, topic in enumerate(["reporting rules", "evaluation criteria", "budget cuts"]):
        chat += f"10:1{i}:00 From  Emma{i} (Netherlands)  to  Everyone:\n\tWhat about the {topic} in {2027 + i}?\n"
        for voter in range(3):
            chat += f'10:1{i}:3{voter} From  Voter{voter} (Germany)  to  Everyone:\n\tReacted to "What about the {topic}..." with 👍\n'
    await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    board = await service.queue.ranked(event.id)
    fund = next(e for e in board if e.question.text.startswith("Will the ministry fund"))
    assert fund.question.author == "Tom (Netherlands)" and fund.votes == 1
    # Joseph (Uganda) asked it too: the entry speaks for a Southern voice and is balanced as one
    assert fund.rank == 2 and "Southern" in fund.why
