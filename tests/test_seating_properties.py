"""Property tests: balance and role mix hold for any room the evening can bring."""
from collections import Counter, defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.tables.seating import plan_assignment, plan_rotation

ROLES = ["inwoner", "vrijwilliger", "medewerker", "partner", "bestuurder", "anders", None]

rooms = st.tuples(
    st.integers(min_value=1, max_value=12),
    st.lists(st.sampled_from(ROLES), min_size=1, max_size=120),
)


def spread(values):
    return max(values) - min(values)


@given(rooms)
@settings(max_examples=300, deadline=None)
def test_assignment_balances_sizes_and_mixes_roles(room):
    table_count, role_list = room
    tables = list(range(100, 100 + table_count))
    people = list(enumerate(role_list))
    plan = plan_assignment(tables, people)
    assert set(plan) == {pid for pid, _ in people}
    sizes = Counter(plan.values())
    assert spread([sizes[t] for t in tables]) <= 1
    for role in set(role_list):
        per_table = Counter(plan[pid] for pid, r in people if r == role)
        assert spread([per_table[t] for t in tables]) <= 1


@given(rooms, st.data())
@settings(max_examples=200, deadline=None)
def test_assignment_keeps_seated_people_and_fills_the_smallest_tables(room, data):
    table_count, role_list = room
    tables = list(range(table_count))
    people = list(enumerate(role_list))
    kept_ids = data.draw(st.sets(st.sampled_from([pid for pid, _ in people])))
    kept = {pid: data.draw(st.sampled_from(tables)) for pid in kept_ids}
    plan = plan_assignment(tables, people, kept)
    assert all(plan[pid] == tid for pid, tid in kept.items())
    assert set(plan) == {pid for pid, _ in people}
    # newcomers never make a table bigger than needed: the spread is at most that of the kept seats, or 1
    kept_sizes = Counter(kept.values())
    sizes = Counter(plan.values())
    assert spread([sizes[t] for t in tables]) <= max(1, spread([kept_sizes[t] for t in tables]))


def test_no_table_of_only_staff_when_residents_are_present():
    people = [(i, "medewerker") for i in range(8)] + [(100 + i, "inwoner") for i in range(8)]
    plan = plan_assignment([1, 2, 3, 4, 5, 6, 7, 8], people)
    for table in range(1, 9):
        roles = {role for pid, role in people if plan[pid] == table}
        assert roles == {"medewerker", "inwoner"}


@given(st.integers(min_value=2, max_value=10), st.lists(st.sampled_from(ROLES), min_size=2, max_size=100),
       st.data())
@settings(max_examples=300, deadline=None)
def test_rotation_keeps_hosts_moves_everyone_else_and_stays_balanced(table_count, role_list, data):
    tables = list(range(1, table_count + 1))
    people = list(enumerate(role_list))
    first = plan_assignment(tables, people)
    by_table = defaultdict(list)
    for pid, tid in first.items():
        by_table[tid].append(pid)
    hosts = {tid: members[0] for tid, members in by_table.items() if members and data.draw(st.booleans())}
    roles = dict(people)
    met = {pid: set(by_table[first[pid]]) - {pid} for pid in first}
    second = plan_rotation(tables, first, roles, hosts, met)
    assert set(second) == set(first)
    assert all(second[pid] == tid for tid, pid in hosts.items())
    host_ids = set(hosts.values())
    assert all(second[pid] != first[pid] for pid in first if pid not in host_ids)
    # balanced whenever balance allows everyone to move: the people leaving each table fit elsewhere
    total = len(first)
    base, extra = divmod(total, table_count)
    hosted = sorted(hosts, key=lambda t: tables.index(t))
    by_need = hosted + [t for t in tables if t not in hosts]
    capacity = {t: base + (1 if i < extra else 0) for i, t in enumerate(by_need)}
    leaving = Counter(first[pid] for pid in first if pid not in host_ids)
    feasible = all(
        n <= sum(capacity[t] - (1 if t in hosts else 0) for t in tables if t != g) for g, n in leaving.items())
    sizes = Counter(second.values())
    if feasible:
        assert spread([sizes[t] for t in tables]) <= 1


def test_rotation_spreads_a_table_over_new_faces():
    tables = [1, 2, 3, 4]
    people = [(i, None) for i in range(16)]
    first = plan_assignment(tables, people)
    met = {pid: {o for o in first if first[o] == first[pid] and o != pid} for pid in first}
    second = plan_rotation(tables, first, dict(people), {}, met)
    for pid in first:
        again = {o for o in second if second[o] == second[pid] and o != pid} & met[pid]
        assert len(again) <= 1
