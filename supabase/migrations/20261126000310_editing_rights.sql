-- Editing rights: when a barangay may change a leaf (answers, MOVs) and when a validator may upload
-- on its behalf. One definition, used by the storage policies, the storage trigger and the
-- workflow functions alike.

create function private.barangay_can_edit_leaf(p_assessment_id uuid, p_leaf_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((
    select not a.is_locked and (
      (a.status in ('draft', 'submitted', 'reopened') and aa.status in ('draft', 'rework'))
      or (a.status = 'calibration' and coalesce(r.flagged_for_calibration, false))
      or (a.status = 'recalibration' and coalesce(r.flagged_for_recalibration, false))
    )
    from public.assessments a
    join public.indicators leaf on leaf.id = p_leaf_id and leaf.cycle_id = a.cycle_id and leaf.parent_id is not null
    join public.assessment_areas aa on aa.assessment_id = a.id and aa.area_code = leaf.area_code
    left join public.reviews r on r.assessment_id = a.id and r.leaf_id = leaf.id
    where a.id = p_assessment_id
  ), false);
$$;
comment on function private.barangay_can_edit_leaf(uuid, uuid) is
  'True while the barangay may change this leaf: its area is in draft or rework (assessment not yet in validation), or the leaf is named in an open calibration or recalibration; never while locked.';

create function private.validator_can_upload(p_assessment_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((
    select a.status in ('awaiting_validation', 'calibration')
    from public.assessments a where a.id = p_assessment_id
  ), false);
$$;
comment on function private.validator_can_upload(uuid) is
  'True while a validator may upload MOVs on the barangay''s behalf (during validation or calibration).';
