"""The "/" menu per role: each role sees its own commands, help first, the rest last."""

from __future__ import annotations

from flows.menus import menu_for
from flows.onboarding import Role


def test_a_student_sees_the_coaching_commands_only() -> None:
    menu = menu_for([Role.STUDENT])
    assert menu[0] == "help" and menu[-3:] == ("privacy", "settings", "cancel")
    assert "talk" in menu and "journal" in menu
    assert not {"newcohort", "pair", "progress", "room"} & set(menu)


def test_a_teacher_sees_progress_and_rooms_not_the_students_commands() -> None:
    menu = menu_for([Role.TEACHER])
    assert {"progress", "room"} <= set(menu)
    assert not {"talk", "journal", "newcohort", "pair"} & set(menu)


def test_a_coordinator_who_also_teaches_sees_each_command_once_in_a_fixed_order() -> None:
    one_way = menu_for([Role.TEACHER, Role.COORDINATOR])
    assert one_way == menu_for([Role.COORDINATOR, Role.TEACHER])
    assert len(one_way) == len(set(one_way))
    assert {"newcohort", "links", "pair", "progress", "room"} <= set(one_way)


def test_someone_without_a_role_yet_sees_the_students_menu() -> None:
    assert menu_for([]) == menu_for([Role.STUDENT])


def test_every_menu_fits_telegrams_limit_of_100_commands() -> None:
    assert len(menu_for(Role)) <= 100


def test_a_confidant_sees_only_what_everyone_has() -> None:
    assert menu_for([Role.CONFIDANT]) == ("help", "privacy", "settings", "cancel")


def test_a_worried_student_finds_the_worry_route_in_the_menu() -> None:
    assert "worried" in menu_for([Role.STUDENT])
