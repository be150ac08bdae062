"""A generator of realistic-looking Zoom chat files of any size (tests and benchmarks)."""

from __future__ import annotations

import random

PEOPLE = [
    "Grace Wanjiru (Kenya)",
    "Jean - CARE Burundi",
    "Lucía Rodríguez (Colombia)",
    "Amani Mushi",
    "Pieter de Vries",
    "Emma Visser",
    "Tom Jansen - Oxfam Novib",
    "Sophie Müller (Germany)",
    "Fátima Cossa (Moçambique)",
    "Joseph Okello (Uganda)",
    "Guest 4711",
    "Ana Quispe - Bolivia",
]
QUESTIONS = [
    "How will the ministry simplify reporting requirements for small partners?",
    "Will local organisations get direct funding without intermediaries?",
    "Hoe zorgt het kabinet voor beleidscoherentie tussen handel en hulp?",
    "Comment le ministère protège-t-il les défenseurs des droits humains ?",
    "¿Cómo van a apoyar a los movimientos sociales cuando el espacio cívico se cierra?",
    "Quem decide as prioridades das parcerias entre o Norte e o Sul?",
    "Je, wizara itatoa ufadhili wa moja kwa moja kwa mashirika ya ndani?",
    "What is the timeline for the mid-term review of the partnerships?",
]
CHATTER = [
    "Good morning from Nairobi",
    "Bedankt!",
    "Merci beaucoup",
    "can't hear you",
    "asante sana",
]


def chat_file(n_messages: int, seed: int = 0) -> str:
    """A newer-format saved chat of ``n_messages`` messages (questions, chatter, reactions, DMs)."""
    rng = random.Random(seed)
    lines: list[str] = []
    asked: list[str] = []
    for i in range(n_messages):
        seconds = 9 * 3600 + i * 3
        clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        who = rng.choice(PEOPLE)
        roll = rng.random()
        if roll < 0.05:
            lines.append(f"{clock} From  {who}  to  Host(Direct Message):")
            lines.append(f"\tprivate note {i}")
            continue
        lines.append(f"{clock} From  {who}  to  Everyone:")
        if roll < 0.45:
            text = f"{rng.choice(QUESTIONS)} (#{i})"
            asked.append(text)
            lines.append(f"\t{text}")
            if rng.random() < 0.2:
                lines.append("\tAnd a second line with more context about our situation.")
        elif roll < 0.7 and asked:
            lines.append(f'\tReacted to "{rng.choice(asked)[:30]}..." with 👍')
        else:
            lines.append(f"\t{rng.choice(CHATTER)} {i}")
    return "\n".join(lines) + "\n"
