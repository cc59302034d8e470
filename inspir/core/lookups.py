"""`in` lookups on integer columns that survive values no integer column can hold.

Django already answers `id=<20 digits>` with no rows (its integer overflow handling for exact
and range lookups), but `id__in=[...]` passes every value on: a number the database cannot
hold fails there (SQLite cannot even bind it; PostgreSQL refuses it), and a value that is not
a number at all fails before. Any page that filters by ids someone typed (a form's choices
shown again after an error, Django's admin widgets) would answer 500. Such a value matches no
row, so it is left out of the list, as Django does for `None`. Validation is unchanged: forms
still check each id with exact lookups and name the bad choice."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def get_prep_lookup(self) -> Any:
        if self._is_list_of_values():
            self.rhs = [value for value in self.rhs if self._is_integer(value)]
        return super().get_prep_lookup()

    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            values = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
            if not values:
                raise EmptyResultSet
            self.rhs = values
        return super().process_rhs(compiler, connection)

    def _is_list_of_values(self) -> bool:
        if hasattr(self.rhs, "resolve_expression") or isinstance(self.rhs, str | bytes):
            return False
        if not isinstance(self.rhs, Iterable):
            return False
        self.rhs = list(self.rhs)
        return not any(hasattr(value, "resolve_expression") for value in self.rhs)

    def _is_integer(self, value: object) -> bool:
        if value is None:
            return True
        try:
            self.lhs.output_field.get_prep_value(value)
        except (ValueError, TypeError):
            return False
        return True
