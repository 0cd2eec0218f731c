-- Schema version 12: no change of structure; the reference names that
-- databases made before it carry wrong are set to their official forms.
--
-- The ministry is the Ministry of Industry and Infrastructural Development
-- ("индустрии", as its Kazakh name says "Индустрия"), never "промышленности";
-- its sectoral council is named by the same sphere.
-- Only a name still in the old form is changed, so a name an administrator
-- has already corrected by hand stays as it is; each change is logged.
UPDATE body SET
  name_ru = 'Министерство индустрии и инфраструктурного развития Республики Казахстан'
WHERE name_ru = 'Министерство промышленности и инфраструктурного развития Республики Казахстан';
UPDATE body SET short_ru = 'Министерство индустрии и инфраструктурного развития'
WHERE short_ru = 'Министерство промышленности и инфраструктурного развития';
UPDATE council SET
  name_kk = 'Индустрия және инфрақұрылымдық даму саласындағы кәсіптік біліктіліктер жөніндегі салалық кеңес'
WHERE name_kk = 'Өнеркәсіп және инфрақұрылымдық даму саласындағы кәсіптік біліктіліктер жөніндегі салалық кеңес';
UPDATE council SET
  name_ru = 'Отраслевой совет по профессиональным квалификациям в сфере индустрии и инфраструктурного развития'
WHERE name_ru = 'Отраслевой совет по профессиональным квалификациям в сфере промышленности и инфраструктурного развития';
