-- sitegen: the Supabase tables that mirror the local project and job records.
-- Run once in the Supabase SQL editor (or psql). `sitegen supabase-schema` prints this file.
-- Two ways to write: with the service-role key (one owner: it bypasses row-level security and
-- trusts SITEGEN_SUPABASE_USER_ID), or per user with the anon key and the user's own session JWT
-- (SUPABASE_ANON_KEY + SUPABASE_ACCESS_TOKEN), where the policies below decide. Either way each
-- signed-in user reads and changes only rows they own.

create table if not exists public.projects (
    id text primary key,
    owner uuid not null,
    name text not null,
    slug text not null default '',
    path text not null default '',
    prompt text not null default '',
    provider text not null default '',
    last_job_id text,
    last_status text,
    deploy_url text,
    deploy_target text,
    deployment_id text,
    deployed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table if not exists public.jobs (
    id text primary key,
    owner uuid not null,
    project_id text not null references public.projects (id) on delete cascade,
    kind text not null default 'new',
    prompt text not null default '',
    status text not null,
    stage text not null,
    last_done_stage text,
    error text,
    error_kind text,
    hint text,
    result jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    finished_at timestamptz,
    updated_at timestamptz not null default now()
);

-- tables made by an older schema get the foreign key too (checked for new rows only)
do $$
begin
    if not exists (select 1 from pg_constraint
                   where conrelid = 'public.jobs'::regclass and contype = 'f' and conname = 'jobs_project_id_fkey') then
        alter table public.jobs add constraint jobs_project_id_fkey
            foreign key (project_id) references public.projects (id) on delete cascade not valid;
    end if;
end $$;

create index if not exists jobs_project_idx on public.jobs (project_id);
create index if not exists projects_owner_idx on public.projects (owner, updated_at desc);
create index if not exists jobs_owner_project_idx on public.jobs (owner, project_id, created_at desc);

-- updated_at is the time the row last changed in Supabase, whatever the client sent.
-- A fixed, empty search_path: the function resolves nothing through a schema a user could create.
create or replace function public.sitegen_touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
    new.updated_at := pg_catalog.now();
    return new;
end;
$$;

drop trigger if exists projects_touch_updated_at on public.projects;
create trigger projects_touch_updated_at before insert or update on public.projects
    for each row execute function public.sitegen_touch_updated_at();

drop trigger if exists jobs_touch_updated_at on public.jobs;
create trigger jobs_touch_updated_at before insert or update on public.jobs
    for each row execute function public.sitegen_touch_updated_at();

-- Row-level security: each authenticated user sees and changes only rows they own.
-- The service role (used by sitegen itself) bypasses RLS; anon gets nothing.
alter table public.projects enable row level security;
alter table public.jobs enable row level security;

drop policy if exists projects_select_own on public.projects;
drop policy if exists projects_insert_own on public.projects;
drop policy if exists projects_update_own on public.projects;
drop policy if exists projects_delete_own on public.projects;
create policy projects_select_own on public.projects for select to authenticated
    using ((select auth.uid()) = owner);
create policy projects_insert_own on public.projects for insert to authenticated
    with check ((select auth.uid()) = owner);
create policy projects_update_own on public.projects for update to authenticated
    using ((select auth.uid()) = owner) with check ((select auth.uid()) = owner);
create policy projects_delete_own on public.projects for delete to authenticated
    using ((select auth.uid()) = owner);

drop policy if exists jobs_select_own on public.jobs;
drop policy if exists jobs_insert_own on public.jobs;
drop policy if exists jobs_update_own on public.jobs;
drop policy if exists jobs_delete_own on public.jobs;
create policy jobs_select_own on public.jobs for select to authenticated
    using ((select auth.uid()) = owner);
create policy jobs_insert_own on public.jobs for insert to authenticated
    with check ((select auth.uid()) = owner);
create policy jobs_update_own on public.jobs for update to authenticated
    using ((select auth.uid()) = owner) with check ((select auth.uid()) = owner);
create policy jobs_delete_own on public.jobs for delete to authenticated
    using ((select auth.uid()) = owner);

revoke all on public.projects, public.jobs from anon;
grant select, insert, update, delete on public.projects, public.jobs to authenticated;
grant all on public.projects, public.jobs to service_role;
