-- The national roles: DILG oversight offices (provincial, regional or central) read the official
-- results and roll-ups of the completed assessments within their PSGC scope
-- (profiles.oversight_scope_code, in the municipal scope migration), nothing in draft or under
-- review, and change nothing; the central administrator administers what is national (cycles,
-- their deadlines and windows, the catalog's wording), now that the MLGOO serves one city or
-- municipality. Their own migration: a new value of an enum can be used only once the
-- transaction that added it committed.

alter type public.app_role add value if not exists 'oversight';
alter type public.app_role add value if not exists 'administrator';
comment on type public.app_role is
  'What a user may do: mlgoo (administrator and final approver of a city or municipality), assessor (one governance area), validator (all areas), blgu (one barangay), katuparan (read-only research partner), oversight (DILG provincial, regional or central office: official results within its PSGC scope), administrator (DILG central office: cycles, deadlines and the catalog, nationally).';
