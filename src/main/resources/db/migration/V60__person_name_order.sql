-- Each person's name has its own order (decision 24): family name first for a Vietnamese name,
-- else what the person was given. The workspace setting name_order now means "the order of names we
-- cannot recognise"; 'by_language' (the reader's language decided) is gone.

-- Workspaces that followed the reader's language write names they cannot recognise given name first:
-- such names are foreign names, in a Vietnamese workspace as in an English one.
update workspaces set name_order = 'given_first' where name_order not in ('family_first', 'given_first');
alter table workspaces alter column name_order set default 'given_first';
alter table workspaces add constraint workspaces_name_order check (name_order in ('family_first', 'given_first'));

-- The rule of org.sencrm.directory.VietnameseNames in SQL, for names already stored and for imports
-- that insert many persons with one statement. PersonNameOrderMigrationTest keeps the two the same:
-- every word a Vietnamese syllable (Vietnamese letters only; initial, vowel group, final), and either
-- a letter with a Vietnamese mark or a common Vietnamese family name (the first word of the family
-- name, else of the name), compared without accents; a family name that is also a common word or
-- name elsewhere counts without accents only in a name of three words or more.
create function sen_name_order(family_name text, middle_name text, given_name text, unrecognised text)
    returns text
    language sql immutable parallel safe
as $$
    with name as (
        select lower(translate(normalize(concat_ws(' ', family_name, middle_name, given_name), nfc),
                               'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ',
                               'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ')) as whole,
               lower(translate(normalize(coalesce(family_name, ''), nfc),
                               'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ',
                               'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ')) as family_part
    ), words as (
        select array_remove(regexp_split_to_array(whole, '[ \t\n\r\f\v-]+'), '') as w,
               array_remove(regexp_split_to_array(family_part, '[ \t\n\r\f\v-]+'), '') as f
        from name
    ), facts as (
        select w,
               (select bool_and(x ~ '^[abcdeghiklmnopqrstuvxyàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+$'
                                and translate(x, 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
                                              'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy')
                                    ~ '^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(uye|uya|uyu|ieu|yeu|uoi|uou|oai|oay|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uy|uo|uu|ye|a|e|i|o|u|y)(ch|ng|nh|c|m|n|p|t)?$')
                from unnest(w) x) as syllables,
               array_to_string(w, ' ') ~ '[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]' as marked,
               translate(coalesce(f[1], w[1]), 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
                         'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy') as surname
        from words
    )
    select case when cardinality(w) > 0 and syllables
                 and (marked or surname = any (family_names) and (cardinality(w) >= 3 or not surname = any (short_elsewhere)))
                then 'family_first' else unrecognised end
    from facts, (select
        -- common Vietnamese family names, without accents (VietnameseNames.FAMILY_NAMES)
        array[
            'au', 'bach', 'be', 'bi', 'bui', 'cam', 'can', 'cao', 'chau', 'chu', 'chung', 'cu', 'cung',
            'dam', 'dang', 'dao', 'dau', 'diep', 'dinh', 'do', 'doan', 'doi', 'dong', 'du', 'duong',
            'giang', 'giap', 'ha', 'han', 'hau', 'ho', 'hoa', 'hoang', 'hong', 'hua', 'huynh', 'kha',
            'khong', 'khuat', 'khuc', 'khuong', 'kieu', 'kim', 'la', 'lac', 'lai', 'lam', 'lang', 'le',
            'lieu', 'lo', 'loc', 'lu', 'luc', 'luong', 'luu', 'ly', 'ma', 'mac', 'mai', 'man', 'manh',
            'nghiem', 'ngo', 'nguy', 'nguyen', 'nham', 'nhan', 'ninh', 'nong', 'ong', 'pham', 'phan',
            'phi', 'pho', 'phung', 'phuong', 'quach', 'quan', 'sam', 'son', 'ta', 'tang', 'thach',
            'thai', 'than', 'thi', 'thieu', 'tieu', 'to', 'ton', 'tong', 'tra', 'tran', 'trang',
            'trieu', 'trinh', 'truong', 'tu', 'tuong', 'ung', 'uong', 'van', 'vi', 'vien', 'vo', 'vu',
            'vuong', 'vuu', 'xa', 'yen'
        ] as family_names,
        -- those that are also common words or names elsewhere (VietnameseNames.SHORT_ELSEWHERE)
        array[
            'au', 'bach', 'be', 'bi', 'cam', 'can', 'cao', 'chau', 'chu', 'chung', 'cu', 'cung', 'dam',
            'dau', 'do', 'dong', 'du', 'giang', 'ha', 'han', 'hau', 'ho', 'hoa', 'hong', 'hua', 'kha',
            'kim', 'la', 'lac', 'lai', 'lam', 'lang', 'le', 'lieu', 'lo', 'loc', 'lu', 'luc', 'ly',
            'ma', 'mac', 'mai', 'man', 'manh', 'nham', 'nhan', 'ninh', 'ong', 'phi', 'pho', 'phuong',
            'quan', 'sam', 'son', 'ta', 'tang', 'thai', 'than', 'thi', 'tieu', 'to', 'ton', 'tong',
            'tra', 'trang', 'tu', 'ung', 'van', 'vi', 'vien', 'xa', 'yen'
        ] as short_elsewhere) lists
$$;

-- Persons already stored get the order detected from their name, else their workspace's.
-- The migration runs without a workspace, so the policies would hide every row: the owner lifts
-- FORCE for this transaction only (as V20 did).
alter table persons add column name_order text;
alter table persons no force row level security;
update persons p set name_order = sen_name_order(p.family_name, p.middle_name, p.given_name, w.name_order)
from workspaces w where w.id = p.workspace_id;
alter table persons force row level security;
alter table persons alter column name_order set not null;
alter table persons add constraint persons_name_order check (name_order in ('family_first', 'given_first'));
