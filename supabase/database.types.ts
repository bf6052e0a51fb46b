export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      assessment_areas: {
        Row: {
          approved_at: string | null
          approved_by: string | null
          area_code: number
          assessment_id: string
          calibration_due_at: string | null
          calibration_requested_at: string | null
          calibration_requested_by: string | null
          calibration_used: boolean
          first_submitted_at: string | null
          rework_due_at: string | null
          rework_requested_at: string | null
          rework_requested_by: string | null
          rework_used: boolean
          status: Database["public"]["Enums"]["area_status"]
          submitted_at: string | null
        }
        Insert: {
          approved_at?: string | null
          approved_by?: string | null
          area_code: number
          assessment_id: string
          calibration_due_at?: string | null
          calibration_requested_at?: string | null
          calibration_requested_by?: string | null
          calibration_used?: boolean
          first_submitted_at?: string | null
          rework_due_at?: string | null
          rework_requested_at?: string | null
          rework_requested_by?: string | null
          rework_used?: boolean
          status?: Database["public"]["Enums"]["area_status"]
          submitted_at?: string | null
        }
        Update: {
          approved_at?: string | null
          approved_by?: string | null
          area_code?: number
          assessment_id?: string
          calibration_due_at?: string | null
          calibration_requested_at?: string | null
          calibration_requested_by?: string | null
          calibration_used?: boolean
          first_submitted_at?: string | null
          rework_due_at?: string | null
          rework_requested_at?: string | null
          rework_requested_by?: string | null
          rework_used?: boolean
          status?: Database["public"]["Enums"]["area_status"]
          submitted_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "assessment_areas_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "assessment_areas_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
        ]
      }
      assessments: {
        Row: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        Insert: {
          approved_at?: string | null
          approved_by?: string | null
          barangay_id: string
          city_municipality_code: string
          created_at?: string
          cycle_id: string
          deadline_extended_until?: string | null
          due_at?: string | null
          extension_reason?: string | null
          grace_until?: string | null
          id?: string
          is_locked?: boolean
          lock_reason?: string | null
          locked_at?: string | null
          next_reminder_at?: string | null
          province_code: string
          recalibration_used?: boolean
          region_code: string
          reopen_reason?: string | null
          reopened_at?: string | null
          reopened_by?: string | null
          resume_status?:
            | Database["public"]["Enums"]["assessment_status"]
            | null
          status?: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes?: number[]
          submitted_at?: string | null
          updated_at?: string
          validated_at?: string | null
          validated_by?: string | null
          validation_started_at?: string | null
          version?: number
        }
        Update: {
          approved_at?: string | null
          approved_by?: string | null
          barangay_id?: string
          city_municipality_code?: string
          created_at?: string
          cycle_id?: string
          deadline_extended_until?: string | null
          due_at?: string | null
          extension_reason?: string | null
          grace_until?: string | null
          id?: string
          is_locked?: boolean
          lock_reason?: string | null
          locked_at?: string | null
          next_reminder_at?: string | null
          province_code?: string
          recalibration_used?: boolean
          region_code?: string
          reopen_reason?: string | null
          reopened_at?: string | null
          reopened_by?: string | null
          resume_status?:
            | Database["public"]["Enums"]["assessment_status"]
            | null
          status?: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes?: number[]
          submitted_at?: string | null
          updated_at?: string
          validated_at?: string | null
          validated_by?: string | null
          validation_started_at?: string | null
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "assessments_barangay_id_fkey"
            columns: ["barangay_id"]
            isOneToOne: false
            referencedRelation: "barangays"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "assessments_city_municipality_code_fkey"
            columns: ["city_municipality_code"]
            isOneToOne: false
            referencedRelation: "cities_municipalities"
            referencedColumns: ["psgc_code"]
          },
          {
            foreignKeyName: "assessments_cycle_id_fkey"
            columns: ["cycle_id"]
            isOneToOne: false
            referencedRelation: "cycles"
            referencedColumns: ["id"]
          },
        ]
      }
      audit_verifications: {
        Row: {
          broken: Json | null
          chains: number | null
          cycle_id: string
          events: number | null
          finished_at: string | null
          holds: boolean | null
          id: number
          requested_at: string
          requested_by: string | null
        }
        Insert: {
          broken?: Json | null
          chains?: number | null
          cycle_id: string
          events?: number | null
          finished_at?: string | null
          holds?: boolean | null
          id?: never
          requested_at?: string
          requested_by?: string | null
        }
        Update: {
          broken?: Json | null
          chains?: number | null
          cycle_id?: string
          events?: number | null
          finished_at?: string | null
          holds?: boolean | null
          id?: never
          requested_at?: string
          requested_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "audit_verifications_cycle_id_fkey"
            columns: ["cycle_id"]
            isOneToOne: false
            referencedRelation: "cycles"
            referencedColumns: ["id"]
          },
        ]
      }
      barangays: {
        Row: {
          city_municipality_code: string
          created_at: string
          id: string
          is_active: boolean
          name: string
          province_code: string
          psgc_code: string
          region_code: string
        }
        Insert: {
          city_municipality_code: string
          created_at?: string
          id?: string
          is_active?: boolean
          name: string
          province_code: string
          psgc_code: string
          region_code: string
        }
        Update: {
          city_municipality_code?: string
          created_at?: string
          id?: string
          is_active?: boolean
          name?: string
          province_code?: string
          psgc_code?: string
          region_code?: string
        }
        Relationships: [
          {
            foreignKeyName: "barangays_city_municipality_code_fkey"
            columns: ["city_municipality_code"]
            isOneToOne: false
            referencedRelation: "cities_municipalities"
            referencedColumns: ["psgc_code"]
          },
        ]
      }
      capdev_agenda_items: {
        Row: {
          answers: Database["public"]["Enums"]["capdev_reason"]
          area_code: number
          in_fewest_fixes: boolean
          indicator_code: string
          leaf_code: string
          missing_slots: string[]
          priority: Database["public"]["Enums"]["capdev_priority"]
          rank: number
          reasons: string[]
          result_id: string
          shortfalls: NonNullable<Json>
        }
        Insert: {
          answers: Database["public"]["Enums"]["capdev_reason"]
          area_code: number
          in_fewest_fixes: boolean
          indicator_code: string
          leaf_code: string
          missing_slots: string[]
          priority: Database["public"]["Enums"]["capdev_priority"]
          rank: number
          reasons: string[]
          result_id: string
          shortfalls: NonNullable<Json>
        }
        Update: {
          answers?: Database["public"]["Enums"]["capdev_reason"]
          area_code?: number
          in_fewest_fixes?: boolean
          indicator_code?: string
          leaf_code?: string
          missing_slots?: string[]
          priority?: Database["public"]["Enums"]["capdev_priority"]
          rank?: number
          reasons?: string[]
          result_id?: string
          shortfalls?: NonNullable<Json>
        }
        Relationships: [
          {
            foreignKeyName: "capdev_agenda_items_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "capdev_agenda_items_result_id_fkey"
            columns: ["result_id"]
            isOneToOne: false
            referencedRelation: "capdev_agendas"
            referencedColumns: ["result_id"]
          },
        ]
      }
      capdev_agendas: {
        Row: {
          assessment_id: string
          classifier_version: string
          created_at: string
          fewest_fix_areas: number[]
          fewest_fixes: number | null
          passable: boolean
          passed: boolean
          result_id: string
        }
        Insert: {
          assessment_id: string
          classifier_version: string
          created_at?: string
          fewest_fix_areas: number[]
          fewest_fixes?: number | null
          passable: boolean
          passed: boolean
          result_id: string
        }
        Update: {
          assessment_id?: string
          classifier_version?: string
          created_at?: string
          fewest_fix_areas?: number[]
          fewest_fixes?: number | null
          passable?: boolean
          passed?: boolean
          result_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "capdev_agendas_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "capdev_agendas_result_id_fkey"
            columns: ["result_id"]
            isOneToOne: true
            referencedRelation: "classification_results"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "capdev_agendas_result_id_fkey"
            columns: ["result_id"]
            isOneToOne: true
            referencedRelation: "official_results"
            referencedColumns: ["result_id"]
          },
        ]
      }
      capdev_intervention_overrides: {
        Row: {
          catalog_edition: string
          city_municipality_code: string
          leaf_code: string
          office_code: string | null
          reason: Database["public"]["Enums"]["capdev_reason"]
          text_ceb: string | null
          text_en: string | null
          text_fil: string | null
          time_frame_days: number | null
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          catalog_edition: string
          city_municipality_code: string
          leaf_code: string
          office_code?: string | null
          reason: Database["public"]["Enums"]["capdev_reason"]
          text_ceb?: string | null
          text_en?: string | null
          text_fil?: string | null
          time_frame_days?: number | null
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          catalog_edition?: string
          city_municipality_code?: string
          leaf_code?: string
          office_code?: string | null
          reason?: Database["public"]["Enums"]["capdev_reason"]
          text_ceb?: string | null
          text_en?: string | null
          text_fil?: string | null
          time_frame_days?: number | null
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "capdev_intervention_overrides_city_municipality_code_fkey"
            columns: ["city_municipality_code"]
            isOneToOne: false
            referencedRelation: "cities_municipalities"
            referencedColumns: ["psgc_code"]
          },
          {
            foreignKeyName: "office_is_known"
            columns: ["office_code"]
            isOneToOne: false
            referencedRelation: "capdev_offices"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "overrides_a_national_intervention"
            columns: ["catalog_edition", "leaf_code", "reason"]
            isOneToOne: false
            referencedRelation: "capdev_interventions"
            referencedColumns: ["catalog_edition", "leaf_code", "reason"]
          },
        ]
      }
      capdev_interventions: {
        Row: {
          catalog_edition: string
          leaf_code: string
          office_code: string
          reason: Database["public"]["Enums"]["capdev_reason"]
          text_ceb: string | null
          text_en: string
          text_fil: string
          time_frame_days: number
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          catalog_edition: string
          leaf_code: string
          office_code: string
          reason: Database["public"]["Enums"]["capdev_reason"]
          text_ceb?: string | null
          text_en: string
          text_fil: string
          time_frame_days: number
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          catalog_edition?: string
          leaf_code?: string
          office_code?: string
          reason?: Database["public"]["Enums"]["capdev_reason"]
          text_ceb?: string | null
          text_en?: string
          text_fil?: string
          time_frame_days?: number
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "office_is_known"
            columns: ["office_code"]
            isOneToOne: false
            referencedRelation: "capdev_offices"
            referencedColumns: ["code"]
          },
        ]
      }
      capdev_offices: {
        Row: {
          code: string
          name: string
          name_fil: string
          sort_order: number
        }
        Insert: {
          code: string
          name: string
          name_fil: string
          sort_order: number
        }
        Update: {
          code?: string
          name?: string
          name_fil?: string
          sort_order?: number
        }
        Relationships: []
      }
      checklist_items: {
        Row: {
          entered_by: string
          group_label: string | null
          id: string
          indicator_id: string
          is_profiling: boolean
          is_required: boolean
          item_key: string
          item_type: Database["public"]["Enums"]["checklist_item_type"]
          label: string
          mov_hint: string | null
          option_group: string | null
          sort_order: number
        }
        Insert: {
          entered_by?: string
          group_label?: string | null
          id?: string
          indicator_id: string
          is_profiling?: boolean
          is_required?: boolean
          item_key: string
          item_type: Database["public"]["Enums"]["checklist_item_type"]
          label: string
          mov_hint?: string | null
          option_group?: string | null
          sort_order: number
        }
        Update: {
          entered_by?: string
          group_label?: string | null
          id?: string
          indicator_id?: string
          is_profiling?: boolean
          is_required?: boolean
          item_key?: string
          item_type?: Database["public"]["Enums"]["checklist_item_type"]
          label?: string
          mov_hint?: string | null
          option_group?: string | null
          sort_order?: number
        }
        Relationships: [
          {
            foreignKeyName: "checklist_items_indicator_id_fkey"
            columns: ["indicator_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
      cities_municipalities: {
        Row: {
          name: string
          province_code: string
          psgc_code: string
        }
        Insert: {
          name: string
          province_code: string
          psgc_code: string
        }
        Update: {
          name?: string
          province_code?: string
          psgc_code?: string
        }
        Relationships: [
          {
            foreignKeyName: "cities_municipalities_province_code_fkey"
            columns: ["province_code"]
            isOneToOne: false
            referencedRelation: "provinces"
            referencedColumns: ["psgc_code"]
          },
        ]
      }
      classification_results: {
        Row: {
          areas_assessed: Json | null
          areas_passed: Json | null
          assessment_completed: boolean
          assessment_id: string
          city_municipality_code: string
          classifier_version: string
          created_at: string
          cycle_id: string
          id: string
          input_hash: string
          is_current: boolean
          kind: Database["public"]["Enums"]["result_kind"]
          passed: boolean
          province_code: string
          readiness_percent: number
          region_code: string
          result: NonNullable<Json>
        }
        Insert: {
          areas_assessed?: never
          areas_passed?: never
          assessment_completed?: boolean
          assessment_id: string
          city_municipality_code: string
          classifier_version: string
          created_at?: string
          cycle_id: string
          id?: string
          input_hash: string
          is_current?: boolean
          kind: Database["public"]["Enums"]["result_kind"]
          passed: boolean
          province_code: string
          readiness_percent: number
          region_code: string
          result: NonNullable<Json>
        }
        Update: {
          areas_assessed?: never
          areas_passed?: never
          assessment_completed?: boolean
          assessment_id?: string
          city_municipality_code?: string
          classifier_version?: string
          created_at?: string
          cycle_id?: string
          id?: string
          input_hash?: string
          is_current?: boolean
          kind?: Database["public"]["Enums"]["result_kind"]
          passed?: boolean
          province_code?: string
          readiness_percent?: number
          region_code?: string
          result?: NonNullable<Json>
        }
        Relationships: [
          {
            foreignKeyName: "classification_results_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
        ]
      }
      comments: {
        Row: {
          area_code: number
          assessment_id: string
          author_id: string | null
          author_role: Database["public"]["Enums"]["app_role"]
          body: string
          created_at: string
          id: string
          leaf_id: string | null
          stage: Database["public"]["Enums"]["assessment_status"]
          visibility: Database["public"]["Enums"]["comment_visibility"]
        }
        Insert: {
          area_code: number
          assessment_id: string
          author_id?: string | null
          author_role: Database["public"]["Enums"]["app_role"]
          body: string
          created_at?: string
          id?: string
          leaf_id?: string | null
          stage: Database["public"]["Enums"]["assessment_status"]
          visibility: Database["public"]["Enums"]["comment_visibility"]
        }
        Update: {
          area_code?: number
          assessment_id?: string
          author_id?: string | null
          author_role?: Database["public"]["Enums"]["app_role"]
          body?: string
          created_at?: string
          id?: string
          leaf_id?: string | null
          stage?: Database["public"]["Enums"]["assessment_status"]
          visibility?: Database["public"]["Enums"]["comment_visibility"]
        }
        Relationships: [
          {
            foreignKeyName: "comments_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "comments_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comments_leaf_id_fkey"
            columns: ["leaf_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
      cycle_activations: {
        Row: {
          after_barangay_id: string | null
          assessments_created: number
          barangays: number | null
          batches: number
          cycle_id: string
          failure: string | null
          finished_at: string | null
          id: number
          longest_batch_ms: number | null
          requested_at: string
          requested_by: string | null
          superseded_at: string | null
        }
        Insert: {
          after_barangay_id?: string | null
          assessments_created?: number
          barangays?: number | null
          batches?: number
          cycle_id: string
          failure?: string | null
          finished_at?: string | null
          id?: never
          longest_batch_ms?: number | null
          requested_at?: string
          requested_by?: string | null
          superseded_at?: string | null
        }
        Update: {
          after_barangay_id?: string | null
          assessments_created?: number
          barangays?: number | null
          batches?: number
          cycle_id?: string
          failure?: string | null
          finished_at?: string | null
          id?: never
          longest_batch_ms?: number | null
          requested_at?: string
          requested_by?: string | null
          superseded_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "cycle_activations_cycle_id_fkey"
            columns: ["cycle_id"]
            isOneToOne: false
            referencedRelation: "cycles"
            referencedColumns: ["id"]
          },
        ]
      }
      cycles: {
        Row: {
          activated_at: string | null
          calibration_window_days: number
          catalog_edition: string
          created_at: string
          created_by: string | null
          id: string
          is_active: boolean
          is_published: boolean
          published_at: string | null
          reviewed_year: number
          rework_window_days: number
          submission_deadline: string | null
          title: string
          unlock_grace_days: number
          year: number
        }
        Insert: {
          activated_at?: string | null
          calibration_window_days?: number
          catalog_edition: string
          created_at?: string
          created_by?: string | null
          id?: string
          is_active?: boolean
          is_published?: boolean
          published_at?: string | null
          reviewed_year: number
          rework_window_days?: number
          submission_deadline?: string | null
          title: string
          unlock_grace_days?: number
          year: number
        }
        Update: {
          activated_at?: string | null
          calibration_window_days?: number
          catalog_edition?: string
          created_at?: string
          created_by?: string | null
          id?: string
          is_active?: boolean
          is_published?: boolean
          published_at?: string | null
          reviewed_year?: number
          rework_window_days?: number
          submission_deadline?: string | null
          title?: string
          unlock_grace_days?: number
          year?: number
        }
        Relationships: []
      }
      deadline_runs: {
        Row: {
          acting_for: string
          batches: number
          failure: string | null
          finished_at: string | null
          id: number
          locked: number
          longest_batch_ms: number | null
          reminded: number
          rescheduled: number
          started_at: string
        }
        Insert: {
          acting_for: string
          batches?: number
          failure?: string | null
          finished_at?: string | null
          id?: never
          locked?: number
          longest_batch_ms?: number | null
          reminded?: number
          rescheduled?: number
          started_at?: string
        }
        Update: {
          acting_for?: string
          batches?: number
          failure?: string | null
          finished_at?: string | null
          id?: never
          locked?: number
          longest_batch_ms?: number | null
          reminded?: number
          rescheduled?: number
          started_at?: string
        }
        Relationships: []
      }
      error_codes: {
        Row: {
          code: string
          meaning: string
          name: string
        }
        Insert: {
          code: string
          meaning: string
          name: string
        }
        Update: {
          code?: string
          meaning?: string
          name?: string
        }
        Relationships: []
      }
      events: {
        Row: {
          action: string
          actor_id: string | null
          area_code: number | null
          assessment_id: string | null
          chain_key: string | null
          created_at: string
          cycle_id: string | null
          details: NonNullable<Json>
          from_status: string | null
          hash: string | null
          id: number
          leaf_id: string | null
          reason: string | null
          to_status: string | null
          visible_to_barangay: boolean
        }
        Insert: {
          action: string
          actor_id?: string | null
          area_code?: number | null
          assessment_id?: string | null
          chain_key?: never
          created_at?: string
          cycle_id?: string | null
          details?: NonNullable<Json>
          from_status?: string | null
          hash?: string | null
          id?: never
          leaf_id?: string | null
          reason?: string | null
          to_status?: string | null
          visible_to_barangay?: boolean
        }
        Update: {
          action?: string
          actor_id?: string | null
          area_code?: number | null
          assessment_id?: string | null
          chain_key?: never
          created_at?: string
          cycle_id?: string | null
          details?: NonNullable<Json>
          from_status?: string | null
          hash?: string | null
          id?: never
          leaf_id?: string | null
          reason?: string | null
          to_status?: string | null
          visible_to_barangay?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "events_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "events_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_cycle_id_fkey"
            columns: ["cycle_id"]
            isOneToOne: false
            referencedRelation: "cycles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_leaf_id_fkey"
            columns: ["leaf_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
      governance_areas: {
        Row: {
          code: number
          kind: Database["public"]["Enums"]["area_kind"]
          name: string
        }
        Insert: {
          code: number
          kind: Database["public"]["Enums"]["area_kind"]
          name: string
        }
        Update: {
          code?: number
          kind?: Database["public"]["Enums"]["area_kind"]
          name?: string
        }
        Relationships: []
      }
      indicator_overrides: {
        Row: {
          area_code: number
          assessment_id: string
          decision: Database["public"]["Enums"]["leaf_decision"]
          indicator_id: string
          overridden_at: string
          overridden_by: string | null
          reason: string
        }
        Insert: {
          area_code: number
          assessment_id: string
          decision: Database["public"]["Enums"]["leaf_decision"]
          indicator_id: string
          overridden_at?: string
          overridden_by?: string | null
          reason: string
        }
        Update: {
          area_code?: number
          assessment_id?: string
          decision?: Database["public"]["Enums"]["leaf_decision"]
          indicator_id?: string
          overridden_at?: string
          overridden_by?: string | null
          reason?: string
        }
        Relationships: [
          {
            foreignKeyName: "indicator_overrides_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "indicator_overrides_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "indicator_overrides_indicator_id_fkey"
            columns: ["indicator_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
      indicators: {
        Row: {
          area_code: number
          code: string
          consideration_text: string | null
          cycle_id: string
          description: string
          has_consideration_rule: boolean
          id: string
          is_bbi: boolean
          is_profiling_only: boolean
          name: string
          notes_page: number | null
          parent_id: string | null
          requirements: NonNullable<Json>
          sort_order: number
          validation_rule: Database["public"]["Enums"]["validation_rule"] | null
        }
        Insert: {
          area_code: number
          code: string
          consideration_text?: string | null
          cycle_id: string
          description?: string
          has_consideration_rule?: boolean
          id?: string
          is_bbi?: boolean
          is_profiling_only?: boolean
          name: string
          notes_page?: number | null
          parent_id?: string | null
          requirements?: NonNullable<Json>
          sort_order: number
          validation_rule?:
            | Database["public"]["Enums"]["validation_rule"]
            | null
        }
        Update: {
          area_code?: number
          code?: string
          consideration_text?: string | null
          cycle_id?: string
          description?: string
          has_consideration_rule?: boolean
          id?: string
          is_bbi?: boolean
          is_profiling_only?: boolean
          name?: string
          notes_page?: number | null
          parent_id?: string | null
          requirements?: NonNullable<Json>
          sort_order?: number
          validation_rule?:
            | Database["public"]["Enums"]["validation_rule"]
            | null
        }
        Relationships: [
          {
            foreignKeyName: "indicators_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "indicators_cycle_id_fkey"
            columns: ["cycle_id"]
            isOneToOne: false
            referencedRelation: "cycles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "indicators_parent_id_fkey"
            columns: ["parent_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
      jobs: {
        Row: {
          assessment_id: string
          attempts: number
          created_at: string
          dispatched_at: string | null
          finished_at: string | null
          id: number
          kind: string
          last_error: string | null
          max_attempts: number
          request_id: number | null
          result_kind: Database["public"]["Enums"]["result_kind"]
          run_after: string
          status: Database["public"]["Enums"]["job_status"]
          updated_at: string
        }
        Insert: {
          assessment_id: string
          attempts?: number
          created_at?: string
          dispatched_at?: string | null
          finished_at?: string | null
          id?: never
          kind?: string
          last_error?: string | null
          max_attempts?: number
          request_id?: number | null
          result_kind?: Database["public"]["Enums"]["result_kind"]
          run_after?: string
          status?: Database["public"]["Enums"]["job_status"]
          updated_at?: string
        }
        Update: {
          assessment_id?: string
          attempts?: number
          created_at?: string
          dispatched_at?: string | null
          finished_at?: string | null
          id?: never
          kind?: string
          last_error?: string | null
          max_attempts?: number
          request_id?: number | null
          result_kind?: Database["public"]["Enums"]["result_kind"]
          run_after?: string
          status?: Database["public"]["Enums"]["job_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "jobs_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
        ]
      }
      leaf_history: {
        Row: {
          area_code: number
          assessment_id: string
          changed_at: string
          changed_by: string | null
          current: Json | null
          id: number
          leaf_id: string
          previous: Json | null
          source: string
        }
        Insert: {
          area_code: number
          assessment_id: string
          changed_at?: string
          changed_by?: string | null
          current?: Json | null
          id?: never
          leaf_id: string
          previous?: Json | null
          source: string
        }
        Update: {
          area_code?: number
          assessment_id?: string
          changed_at?: string
          changed_by?: string | null
          current?: Json | null
          id?: never
          leaf_id?: string
          previous?: Json | null
          source?: string
        }
        Relationships: [
          {
            foreignKeyName: "leaf_history_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "leaf_history_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "leaf_history_leaf_id_fkey"
            columns: ["leaf_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
      mov_files: {
        Row: {
          area_code: number
          assessment_id: string
          content_check: Database["public"]["Enums"]["content_check"]
          content_check_reason: string | null
          created_at: string
          deleted_at: string | null
          deleted_by: string | null
          id: string
          leaf_id: string
          mime_type: string
          origin: Database["public"]["Enums"]["mov_origin"]
          original_name: string
          sha256: string | null
          size_bytes: number
          slot_id: string
          storage_object_id: string | null
          storage_path: string
          uploaded_by: string | null
        }
        Insert: {
          area_code: number
          assessment_id: string
          content_check?: Database["public"]["Enums"]["content_check"]
          content_check_reason?: string | null
          created_at?: string
          deleted_at?: string | null
          deleted_by?: string | null
          id?: string
          leaf_id: string
          mime_type: string
          origin: Database["public"]["Enums"]["mov_origin"]
          original_name: string
          sha256?: string | null
          size_bytes: number
          slot_id: string
          storage_object_id?: string | null
          storage_path: string
          uploaded_by?: string | null
        }
        Update: {
          area_code?: number
          assessment_id?: string
          content_check?: Database["public"]["Enums"]["content_check"]
          content_check_reason?: string | null
          created_at?: string
          deleted_at?: string | null
          deleted_by?: string | null
          id?: string
          leaf_id?: string
          mime_type?: string
          origin?: Database["public"]["Enums"]["mov_origin"]
          original_name?: string
          sha256?: string | null
          size_bytes?: number
          slot_id?: string
          storage_object_id?: string | null
          storage_path?: string
          uploaded_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "mov_files_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "mov_files_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "mov_files_leaf_id_fkey"
            columns: ["leaf_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "mov_files_slot_id_fkey"
            columns: ["slot_id"]
            isOneToOne: false
            referencedRelation: "upload_slots"
            referencedColumns: ["id"]
          },
        ]
      }
      mov_flags: {
        Row: {
          area_code: number
          assessment_id: string
          event_id: number
          flagged_at: string
          flagged_by: string | null
          is_flagged: boolean
          leaf_id: string
          mov_id: string
          reviewer_note: string | null
        }
        Insert: {
          area_code: number
          assessment_id: string
          event_id: number
          flagged_at?: string
          flagged_by?: string | null
          is_flagged: boolean
          leaf_id: string
          mov_id: string
          reviewer_note?: string | null
        }
        Update: {
          area_code?: number
          assessment_id?: string
          event_id?: number
          flagged_at?: string
          flagged_by?: string | null
          is_flagged?: boolean
          leaf_id?: string
          mov_id?: string
          reviewer_note?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "mov_flags_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "mov_flags_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "mov_flags_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "mov_flags_leaf_id_fkey"
            columns: ["leaf_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "mov_flags_mov_id_fkey"
            columns: ["mov_id"]
            isOneToOne: true
            referencedRelation: "mov_files"
            referencedColumns: ["id"]
          },
        ]
      }
      notifications: {
        Row: {
          assessment_id: string | null
          body: string
          created_at: string
          data: NonNullable<Json>
          id: number
          kind: string
          read_at: string | null
          recipient_id: string
          title: string
        }
        Insert: {
          assessment_id?: string | null
          body?: string
          created_at?: string
          data?: NonNullable<Json>
          id?: never
          kind: string
          read_at?: string | null
          recipient_id: string
          title: string
        }
        Update: {
          assessment_id?: string | null
          body?: string
          created_at?: string
          data?: NonNullable<Json>
          id?: never
          kind?: string
          read_at?: string | null
          recipient_id?: string
          title?: string
        }
        Relationships: [
          {
            foreignKeyName: "notifications_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          area_code: number | null
          barangay_id: string | null
          city_municipality_code: string | null
          created_at: string
          email: string | null
          full_name: string
          id: string
          is_active: boolean
          must_change_password: boolean
          oversight_scope_code: string | null
          preferred_language: Database["public"]["Enums"]["ui_language"]
          role: Database["public"]["Enums"]["app_role"] | null
          updated_at: string
        }
        Insert: {
          area_code?: number | null
          barangay_id?: string | null
          city_municipality_code?: string | null
          created_at?: string
          email?: string | null
          full_name?: string
          id: string
          is_active?: boolean
          must_change_password?: boolean
          oversight_scope_code?: string | null
          preferred_language?: Database["public"]["Enums"]["ui_language"]
          role?: Database["public"]["Enums"]["app_role"] | null
          updated_at?: string
        }
        Update: {
          area_code?: number | null
          barangay_id?: string | null
          city_municipality_code?: string | null
          created_at?: string
          email?: string | null
          full_name?: string
          id?: string
          is_active?: boolean
          must_change_password?: boolean
          oversight_scope_code?: string | null
          preferred_language?: Database["public"]["Enums"]["ui_language"]
          role?: Database["public"]["Enums"]["app_role"] | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "profiles_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "profiles_barangay_id_fkey"
            columns: ["barangay_id"]
            isOneToOne: false
            referencedRelation: "barangays"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "profiles_city_municipality_code_fkey"
            columns: ["city_municipality_code"]
            isOneToOne: false
            referencedRelation: "cities_municipalities"
            referencedColumns: ["psgc_code"]
          },
        ]
      }
      provinces: {
        Row: {
          name: string
          psgc_code: string
          region_code: string
        }
        Insert: {
          name: string
          psgc_code: string
          region_code: string
        }
        Update: {
          name?: string
          psgc_code?: string
          region_code?: string
        }
        Relationships: [
          {
            foreignKeyName: "provinces_region_code_fkey"
            columns: ["region_code"]
            isOneToOne: false
            referencedRelation: "regions"
            referencedColumns: ["psgc_code"]
          },
        ]
      }
      regions: {
        Row: {
          name: string
          psgc_code: string
        }
        Insert: {
          name: string
          psgc_code: string
        }
        Update: {
          name?: string
          psgc_code?: string
        }
        Relationships: []
      }
      responses: {
        Row: {
          answers: NonNullable<Json>
          area_code: number
          assessment_id: string
          id: string
          leaf_id: string
          updated_at: string
          updated_by: string | null
          version: number
        }
        Insert: {
          answers?: NonNullable<Json>
          area_code: number
          assessment_id: string
          id?: string
          leaf_id: string
          updated_at?: string
          updated_by?: string | null
          version?: number
        }
        Update: {
          answers?: NonNullable<Json>
          area_code?: number
          assessment_id?: string
          id?: string
          leaf_id?: string
          updated_at?: string
          updated_by?: string | null
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "responses_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "responses_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "responses_leaf_id_fkey"
            columns: ["leaf_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
      reviews: {
        Row: {
          area_code: number
          assessment_id: string
          checklist: NonNullable<Json>
          checklist_at: string | null
          checklist_by: string | null
          decided_at: string | null
          decided_by: string | null
          decision: Database["public"]["Enums"]["leaf_decision"] | null
          decision_remarks: string | null
          flagged_for_calibration: boolean
          flagged_for_recalibration: boolean
          id: string
          leaf_id: string
          overridden_at: string | null
          overridden_by: string | null
          override_decision: Database["public"]["Enums"]["leaf_decision"] | null
          override_reason: string | null
          updated_at: string
          version: number
        }
        Insert: {
          area_code: number
          assessment_id: string
          checklist?: NonNullable<Json>
          checklist_at?: string | null
          checklist_by?: string | null
          decided_at?: string | null
          decided_by?: string | null
          decision?: Database["public"]["Enums"]["leaf_decision"] | null
          decision_remarks?: string | null
          flagged_for_calibration?: boolean
          flagged_for_recalibration?: boolean
          id?: string
          leaf_id: string
          overridden_at?: string | null
          overridden_by?: string | null
          override_decision?:
            | Database["public"]["Enums"]["leaf_decision"]
            | null
          override_reason?: string | null
          updated_at?: string
          version?: number
        }
        Update: {
          area_code?: number
          assessment_id?: string
          checklist?: NonNullable<Json>
          checklist_at?: string | null
          checklist_by?: string | null
          decided_at?: string | null
          decided_by?: string | null
          decision?: Database["public"]["Enums"]["leaf_decision"] | null
          decision_remarks?: string | null
          flagged_for_calibration?: boolean
          flagged_for_recalibration?: boolean
          id?: string
          leaf_id?: string
          overridden_at?: string | null
          overridden_by?: string | null
          override_decision?:
            | Database["public"]["Enums"]["leaf_decision"]
            | null
          override_reason?: string | null
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "reviews_area_code_fkey"
            columns: ["area_code"]
            isOneToOne: false
            referencedRelation: "governance_areas"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "reviews_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_leaf_id_fkey"
            columns: ["leaf_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
      submission_snapshots: {
        Row: {
          answers: NonNullable<Json>
          assessment_id: string
          frozen_at: string
          frozen_by: string | null
          movs: NonNullable<Json>
        }
        Insert: {
          answers: NonNullable<Json>
          assessment_id: string
          frozen_at?: string
          frozen_by?: string | null
          movs: NonNullable<Json>
        }
        Update: {
          answers?: NonNullable<Json>
          assessment_id?: string
          frozen_at?: string
          frozen_by?: string | null
          movs?: NonNullable<Json>
        }
        Relationships: [
          {
            foreignKeyName: "submission_snapshots_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: true
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
        ]
      }
      upload_slots: {
        Row: {
          id: string
          indicator_id: string
          label: string
          option_group: string | null
          slot_key: string
          sort_order: number
        }
        Insert: {
          id?: string
          indicator_id: string
          label: string
          option_group?: string | null
          slot_key: string
          sort_order: number
        }
        Update: {
          id?: string
          indicator_id?: string
          label?: string
          option_group?: string | null
          slot_key?: string
          sort_order?: number
        }
        Relationships: [
          {
            foreignKeyName: "upload_slots_indicator_id_fkey"
            columns: ["indicator_id"]
            isOneToOne: false
            referencedRelation: "indicators"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      official_results: {
        Row: {
          assessment_id: string | null
          city_municipality_code: string | null
          classified_at: string | null
          classifier_version: string | null
          completed: boolean | null
          cycle_id: string | null
          input_hash: string | null
          passed: boolean | null
          province_code: string | null
          region_code: string | null
          result: Json | null
          result_id: string | null
        }
        Insert: {
          assessment_id?: string | null
          city_municipality_code?: string | null
          classified_at?: string | null
          classifier_version?: string | null
          completed?: boolean | null
          cycle_id?: string | null
          input_hash?: string | null
          passed?: boolean | null
          province_code?: string | null
          region_code?: string | null
          result?: Json | null
          result_id?: string | null
        }
        Update: {
          assessment_id?: string | null
          city_municipality_code?: string | null
          classified_at?: string | null
          classifier_version?: string | null
          completed?: boolean | null
          cycle_id?: string | null
          input_hash?: string | null
          passed?: boolean | null
          province_code?: string | null
          region_code?: string | null
          result?: Json | null
          result_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "classification_results_assessment_id_fkey"
            columns: ["assessment_id"]
            isOneToOne: false
            referencedRelation: "assessments"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      activate_cycle: {
        Args: { p_cycle_id: string }
        Returns: {
          after_barangay_id: string | null
          assessments_created: number
          barangays: number | null
          batches: number
          cycle_id: string
          failure: string | null
          finished_at: string | null
          id: number
          longest_batch_ms: number | null
          requested_at: string
          requested_by: string | null
          superseded_at: string | null
        }
        SetofOptions: {
          from: "*"
          to: "cycle_activations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      add_comment: {
        Args: {
          p_area_code?: number
          p_assessment_id: string
          p_body: string
          p_leaf_id?: string
          p_visibility?: Database["public"]["Enums"]["comment_visibility"]
        }
        Returns: string
      }
      admin_account_check: {
        Args: {
          p_area_code?: number
          p_barangay?: string
          p_city_municipality_code?: string
          p_email: string
          p_oversight_scope_code?: string
          p_role: Database["public"]["Enums"]["app_role"]
        }
        Returns: Json
      }
      admin_create_account: {
        Args: {
          p_area_code?: number
          p_barangay_id?: string
          p_city_municipality_code?: string
          p_full_name: string
          p_invited?: boolean
          p_oversight_scope_code?: string
          p_preferred_language: Database["public"]["Enums"]["ui_language"]
          p_role: Database["public"]["Enums"]["app_role"]
          p_user_id: string
        }
        Returns: {
          area_code: number | null
          barangay_id: string | null
          city_municipality_code: string | null
          created_at: string
          email: string | null
          full_name: string
          id: string
          is_active: boolean
          must_change_password: boolean
          oversight_scope_code: string | null
          preferred_language: Database["public"]["Enums"]["ui_language"]
          role: Database["public"]["Enums"]["app_role"] | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "profiles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      admin_find_barangay: { Args: { p_barangay: string }; Returns: string }
      admin_reset_password: {
        Args: { p_user_id: string }
        Returns: {
          area_code: number | null
          barangay_id: string | null
          city_municipality_code: string | null
          created_at: string
          email: string | null
          full_name: string
          id: string
          is_active: boolean
          must_change_password: boolean
          oversight_scope_code: string | null
          preferred_language: Database["public"]["Enums"]["ui_language"]
          role: Database["public"]["Enums"]["app_role"] | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "profiles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      admin_set_user_active: {
        Args: { p_active: boolean; p_user_id: string }
        Returns: {
          area_code: number | null
          barangay_id: string | null
          city_municipality_code: string | null
          created_at: string
          email: string | null
          full_name: string
          id: string
          is_active: boolean
          must_change_password: boolean
          oversight_scope_code: string | null
          preferred_language: Database["public"]["Enums"]["ui_language"]
          role: Database["public"]["Enums"]["app_role"] | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "profiles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      admin_set_user_role: {
        Args: {
          p_area_code?: number
          p_barangay_id?: string
          p_city_municipality_code?: string
          p_oversight_scope_code?: string
          p_role: Database["public"]["Enums"]["app_role"]
          p_user_id: string
        }
        Returns: {
          area_code: number | null
          barangay_id: string | null
          city_municipality_code: string | null
          created_at: string
          email: string | null
          full_name: string
          id: string
          is_active: boolean
          must_change_password: boolean
          oversight_scope_code: string | null
          preferred_language: Database["public"]["Enums"]["ui_language"]
          role: Database["public"]["Enums"]["app_role"] | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "profiles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      admin_user_check: {
        Args: { p_user_id: string }
        Returns: {
          area_code: number | null
          barangay_id: string | null
          city_municipality_code: string | null
          created_at: string
          email: string | null
          full_name: string
          id: string
          is_active: boolean
          must_change_password: boolean
          oversight_scope_code: string | null
          preferred_language: Database["public"]["Enums"]["ui_language"]
          role: Database["public"]["Enums"]["app_role"] | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "profiles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      approve_area: {
        Args: { p_area_code: number; p_assessment_id: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      approve_assessment: {
        Args: { p_assessment_id: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      barangay_readiness: { Args: { p_assessment_id: string }; Returns: Json }
      capdev_agenda: {
        Args: {
          p_assessment_id: string
          p_language?: Database["public"]["Enums"]["ui_language"]
        }
        Returns: {
          area_code: number
          area_kind: Database["public"]["Enums"]["area_kind"]
          area_name: string
          due_on: string
          evidence_intervention: string
          fewest_fixes: number
          in_fewest_fixes: boolean
          indicator_code: string
          indicator_name: string
          intervention: string
          language: Database["public"]["Enums"]["ui_language"]
          leaf_code: string
          leaf_name: string
          missing_movs: string[]
          office_code: string
          office_name: string
          priority: Database["public"]["Enums"]["capdev_priority"]
          rank: number
          reasons: string[]
          shortfalls: string[]
          time_frame_days: number
        }[]
      }
      custom_access_token_hook: { Args: { event: Json }; Returns: Json }
      decide_leaf: {
        Args: {
          p_assessment_id: string
          p_decision: Database["public"]["Enums"]["leaf_decision"]
          p_expected_version: number
          p_leaf_id: string
          p_remarks?: string
        }
        Returns: number
      }
      extend_deadline: {
        Args: { p_assessment_id: string; p_reason: string; p_until: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      finalize_validation: {
        Args: { p_assessment_id: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      flag_mov: {
        Args: { p_flagged?: boolean; p_mov_id: string; p_note?: string }
        Returns: {
          area_code: number
          assessment_id: string
          event_id: number
          flagged_at: string
          flagged_by: string | null
          is_flagged: boolean
          leaf_id: string
          mov_id: string
          reviewer_note: string | null
        }
        SetofOptions: {
          from: "*"
          to: "mov_flags"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      lock_assessment: {
        Args: { p_assessment_id: string; p_reason: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      override_decision: {
        Args: {
          p_assessment_id: string
          p_decision: Database["public"]["Enums"]["leaf_decision"]
          p_indicator_id: string
          p_reason: string
        }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      publish_cycle: {
        Args: { p_cycle_id: string }
        Returns: {
          activated_at: string | null
          calibration_window_days: number
          catalog_edition: string
          created_at: string
          created_by: string | null
          id: string
          is_active: boolean
          is_published: boolean
          published_at: string | null
          reviewed_year: number
          rework_window_days: number
          submission_deadline: string | null
          title: string
          unlock_grace_days: number
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "cycles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      published_cycle_summary: {
        Args: { p_cycle_id: string }
        Returns: {
          area_passed: Json
          barangays: number
          city_municipality: string
          completed: number
          passed: number
          province: string
          region: string
        }[]
      }
      reopen_assessment: {
        Args: { p_assessment_id: string; p_reason: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      report_area_pass_rates: {
        Args: { p_cycle_id: string }
        Returns: {
          area_code: number
          area_name: string
          assessed: number
          pass_rate: number
          passed: number
        }[]
      }
      report_bbi_distribution: {
        Args: { p_cycle_id: string }
        Returns: {
          highly_functional: number
          indicator_code: string
          indicator_name: string
          low_functional: number
          moderately_functional: number
          non_functional: number
        }[]
      }
      report_bgar: {
        Args: { p_assessment_id: string }
        Returns: {
          approved_at: string
          approved_by: string
          assessment_id: string
          barangay: string
          city_municipality: string
          classified_at: string
          classifier_version: string
          core_areas_passed: number
          cycle_id: string
          cycle_title: string
          cycle_year: number
          essential_areas_passed: number
          passed: boolean
          province: string
          psgc_code: string
          region: string
          reviewed_year: number
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_at: string
          validated_at: string
          validated_by: string
        }[]
      }
      report_bgar_bbis: {
        Args: { p_assessment_id: string }
        Returns: {
          indicator_code: string
          indicator_name: string
          passed_leaves: number
          rating: string
          scored_leaves: number
          share: number
        }[]
      }
      report_bgar_leaves: {
        Args: { p_assessment_id: string }
        Returns: {
          area_code: number
          area_kind: Database["public"]["Enums"]["area_kind"]
          area_name: string
          area_passes: boolean
          indicator_code: string
          indicator_name: string
          indicator_passes: boolean
          is_bbi: boolean
          leaf_code: string
          leaf_name: string
          reason: string
          remarks: string
          result: string
          scored: boolean
          shortfalls: Json
        }[]
      }
      report_cycle_capdev: {
        Args: { p_cycle_id: string }
        Returns: {
          area_code: number
          barangay: string
          due_on: string
          fewest_fixes: number
          in_fewest_fixes: boolean
          intervention: string
          leaf_code: string
          leaf_name: string
          office_code: string
          passed: boolean
          priority: Database["public"]["Enums"]["capdev_priority"]
          psgc_code: string
          rank: number
          reasons: string[]
          time_frame_days: number
        }[]
      }
      report_cycle_gap_analysis: {
        Args: { p_cycle_id: string }
        Returns: {
          area_code: number
          assessments: number
          fixed: number
          kept: number
          leaf_code: string
          leaf_name: string
          sent_back: number
          still_unmet: number
          unmet: number
        }[]
      }
      report_cycle_rollup: {
        Args: { p_cycle_id: string }
        Returns: {
          approved_at: string
          area_1: boolean
          area_2: boolean
          area_3: boolean
          area_4: boolean
          area_5: boolean
          area_6: boolean
          barangay: string
          city_municipality: string
          passed: boolean
          passed_leaves: number
          psgc_code: string
          rank: number
          readiness_percent: number
          scored_leaves: number
          status: Database["public"]["Enums"]["assessment_status"]
        }[]
      }
      report_gap_analysis: {
        Args: { p_assessment_id: string }
        Returns: {
          added_slots: string[]
          answers_changed: boolean
          area_code: number
          change: string
          final_files: number
          final_result: string
          first_files: number
          leaf_code: string
          leaf_name: string
          sent_back: string[]
        }[]
      }
      report_most_failed_leaves: {
        Args: { p_cycle_id: string; p_limit?: number }
        Returns: {
          area_code: number
          assessed: number
          failed: number
          leaf_code: string
          leaf_name: string
        }[]
      }
      report_published_dashboard: {
        Args: { p_cycle_id: string }
        Returns: Json
      }
      report_status_distribution: {
        Args: { p_cycle_id: string }
        Returns: {
          assessments: number
          status: Database["public"]["Enums"]["assessment_status"]
        }[]
      }
      report_submissions_per_week: {
        Args: { p_cycle_id: string }
        Returns: {
          cumulative: number
          first_submissions: number
          week_start: string
        }[]
      }
      request_audit_verification: {
        Args: { p_cycle_id: string }
        Returns: {
          broken: Json | null
          chains: number | null
          cycle_id: string
          events: number | null
          finished_at: string | null
          holds: boolean | null
          id: number
          requested_at: string
          requested_by: string | null
        }
        SetofOptions: {
          from: "*"
          to: "audit_verifications"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      request_calibration: {
        Args: { p_assessment_id: string; p_leaf_ids: string[] }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      request_recalibration: {
        Args: { p_assessment_id: string; p_leaf_ids: string[] }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      request_rework: {
        Args: {
          p_area_code: number
          p_assessment_id: string
          p_comment: string
        }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      save_answers: {
        Args: {
          p_answers: Json
          p_assessment_id: string
          p_expected_version: number
          p_leaf_id: string
        }
        Returns: number
      }
      save_checklist: {
        Args: {
          p_assessment_id: string
          p_checklist: Json
          p_expected_version: number
          p_leaf_id: string
        }
        Returns: number
      }
      submit_area: {
        Args: { p_area_code: number; p_assessment_id: string }
        Returns: Json
      }
      submit_calibration: {
        Args: { p_assessment_id: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      submit_recalibration: {
        Args: { p_assessment_id: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      unlock_assessment: {
        Args: { p_assessment_id: string; p_reason?: string }
        Returns: {
          approved_at: string | null
          approved_by: string | null
          barangay_id: string
          city_municipality_code: string
          created_at: string
          cycle_id: string
          deadline_extended_until: string | null
          due_at: string | null
          extension_reason: string | null
          grace_until: string | null
          id: string
          is_locked: boolean
          lock_reason: string | null
          locked_at: string | null
          next_reminder_at: string | null
          province_code: string
          recalibration_used: boolean
          region_code: string
          reopen_reason: string | null
          reopened_at: string | null
          reopened_by: string | null
          resume_status: Database["public"]["Enums"]["assessment_status"] | null
          status: Database["public"]["Enums"]["assessment_status"]
          submitted_area_codes: number[]
          submitted_at: string | null
          updated_at: string
          validated_at: string | null
          validated_by: string | null
          validation_started_at: string | null
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "assessments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      verify_audit_trail: {
        Args: { p_assessment_id: string }
        Returns: Database["public"]["CompositeTypes"]["audit_verdict"]
        SetofOptions: {
          from: "*"
          to: "audit_verdict"
          isOneToOne: true
          isSetofReturn: false
        }
      }
    }
    Enums: {
      app_role:
        | "mlgoo"
        | "assessor"
        | "validator"
        | "blgu"
        | "katuparan"
        | "oversight"
        | "administrator"
      area_kind: "core" | "essential"
      area_status: "draft" | "submitted" | "rework" | "approved"
      assessment_status:
        | "draft"
        | "submitted"
        | "awaiting_validation"
        | "calibration"
        | "awaiting_approval"
        | "recalibration"
        | "reopened"
        | "completed"
      capdev_priority: "core" | "flip" | "other"
      capdev_reason: "missing_mov" | "unmet" | "parent_unmet"
      checklist_item_type:
        | "checkbox"
        | "assessment_field"
        | "document_count"
        | "date_input"
        | "calculation_field"
        | "info_text"
        | "section_header"
      comment_visibility: "public" | "internal"
      content_check: "pending" | "valid" | "rejected" | "not_checked"
      job_status: "queued" | "running" | "done" | "dead"
      leaf_decision: "met" | "unmet" | "considered"
      mov_origin: "blgu" | "validator"
      result_kind: "projection" | "official" | "readiness"
      ui_language: "en" | "fil" | "ceb"
      validation_rule:
        | "ALL_ITEMS_REQUIRED"
        | "ANY_ITEM_REQUIRED"
        | "ANY_OPTION_GROUP_REQUIRED"
        | "OR_LOGIC_AT_LEAST_1_REQUIRED"
        | "SHARED_PLUS_OR_LOGIC"
    }
    CompositeTypes: {
      audit_verdict: {
        holds: boolean | null
        events: number | null
        first_broken_event_id: number | null
        problem: string | null
      }
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      app_role: [
        "mlgoo",
        "assessor",
        "validator",
        "blgu",
        "katuparan",
        "oversight",
        "administrator",
      ],
      area_kind: ["core", "essential"],
      area_status: ["draft", "submitted", "rework", "approved"],
      assessment_status: [
        "draft",
        "submitted",
        "awaiting_validation",
        "calibration",
        "awaiting_approval",
        "recalibration",
        "reopened",
        "completed",
      ],
      capdev_priority: ["core", "flip", "other"],
      capdev_reason: ["missing_mov", "unmet", "parent_unmet"],
      checklist_item_type: [
        "checkbox",
        "assessment_field",
        "document_count",
        "date_input",
        "calculation_field",
        "info_text",
        "section_header",
      ],
      comment_visibility: ["public", "internal"],
      content_check: ["pending", "valid", "rejected", "not_checked"],
      job_status: ["queued", "running", "done", "dead"],
      leaf_decision: ["met", "unmet", "considered"],
      mov_origin: ["blgu", "validator"],
      result_kind: ["projection", "official", "readiness"],
      ui_language: ["en", "fil", "ceb"],
      validation_rule: [
        "ALL_ITEMS_REQUIRED",
        "ANY_ITEM_REQUIRED",
        "ANY_OPTION_GROUP_REQUIRED",
        "OR_LOGIC_AT_LEAST_1_REQUIRED",
        "SHARED_PLUS_OR_LOGIC",
      ],
    },
  },
} as const

