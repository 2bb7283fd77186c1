/**
 * Name material for the sandbox's clients and operators: Russian, Kazakh (Cyrillic, Kazakh
 * letters and Latin transliteration) and English. Surnames are given in the male form;
 * {@link femaleSurname} derives the female one.
 */

/** Russian given names. */
export const RU_MALE = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил', 'Никита', 'Иван', 'Павел', 'Роман', 'Евгений', 'Олег', 'Владимир', 'Константин', 'Игорь', 'Денис'] as const;
export const RU_FEMALE = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Екатерина', 'Ирина', 'Светлана', 'Юлия', 'Анастасия', 'Дарья', 'Ксения', 'Виктория', 'Полина', 'Алёна', 'Вера', 'Людмила'] as const;
/** Russian surnames, male form. */
export const RU_SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев', 'Романов', 'Воробьёв', 'Белов', 'Медведев', 'Тарасов', 'Жуков', 'Комаров', 'Осипов', 'Громов', 'Крылов', 'Шевченко', 'Бондаренко', 'Коваленко', 'Полянский', 'Вишневский'] as const;

/** Kazakh given names as usually written in Russian Cyrillic, and a few in Kazakh spelling. */
export const KZ_MALE = ['Нурлан', 'Ерлан', 'Арман', 'Данияр', 'Бауыржан', 'Айдос', 'Ержан', 'Серик', 'Жандос', 'Асхат', 'Медет', 'Алибек', 'Тимур', 'Руслан', 'Ерболат', 'Дастан', 'Азамат', 'Елдос', 'Мирас', 'Қанат', 'Ғалым', 'Нұрлан', 'Әлихан'] as const;
export const KZ_FEMALE = ['Айгерим', 'Асель', 'Динара', 'Жанар', 'Самал', 'Алия', 'Гульнара', 'Мадина', 'Томирис', 'Айжан', 'Дана', 'Жулдыз', 'Камила', 'Аружан', 'Балжан', 'Меруерт', 'Салтанат', 'Акмарал', 'Индира', 'Сауле', 'Әсел', 'Ұлжан', 'Іңкәр', 'Үміт'] as const;
/** Kazakh surnames, male form. */
export const KZ_SURNAMES = ['Касымов', 'Нурланов', 'Серикбаев', 'Ахметов', 'Жумабаев', 'Омаров', 'Сейткалиев', 'Абенов', 'Тулегенов', 'Бекмуханбетов', 'Искаков', 'Мухамедов', 'Садыков', 'Байжанов', 'Есенов', 'Кенжебаев', 'Оспанов', 'Утепов', 'Аубакиров', 'Калиев', 'Смагулов', 'Турсынов', 'Ибраев', 'Абдрахманов', 'Нургалиев', 'Жаксылыков'] as const;
/** Kazakh patronymic surnames in the modern style: the father's name plus -ұлы / -қызы. */
export const KZ_PATRONYM_ROOTS = ['Серік', 'Нұрлан', 'Ерлан', 'Асқар', 'Болат', 'Марат', 'Қайрат', 'Бекжан'] as const;

/** Kazakh names in Latin transliteration (how many clients write them in messengers). */
export const KZ_LATIN_MALE = ['Nurlan', 'Yerlan', 'Arman', 'Daniyar', 'Aidos', 'Timur', 'Azamat', 'Dastan', 'Miras', 'Alibek'] as const;
export const KZ_LATIN_FEMALE = ['Aigerim', 'Assel', 'Dinara', 'Zhanar', 'Aliya', 'Madina', 'Tomiris', 'Aizhan', 'Dana', 'Kamila', 'Aruzhan'] as const;
export const KZ_LATIN_SURNAMES = ['Kassymov', 'Akhmetov', 'Omarov', 'Zhumabayev', 'Seitkaliyev', 'Iskakov', 'Sadykov', 'Ospanov', 'Kenzhebayev', 'Nurgaliyev'] as const;

/** English names. */
export const EN_MALE = ['James', 'Oliver', 'Michael', 'Daniel', 'Thomas', 'William', 'David', 'George', 'Jack', 'Harry'] as const;
export const EN_FEMALE = ['Emily', 'Sophie', 'Sarah', 'Emma', 'Olivia', 'Charlotte', 'Jessica', 'Amelia', 'Grace', 'Lucy'] as const;
export const EN_SURNAMES = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Clarke', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Green', 'Turner', 'Baker', 'Harris', 'Miller'] as const;

/** Display names people pick for themselves in messengers. */
export const NICKNAMES = ['Дима', 'Санёк', 'Alex K', 'Dana ✨', 'Айка', 'Nurik', 'Маргоша', 'ЖАНАР', 'katya.m', 'TIMUR_KZ', 'Мама Алины', 'Бахыт 🌷', 'Serik A.', 'Lena', 'Ерке'] as const;

/** The female form of a Russian or Kazakh surname given in the male form. */
export function femaleSurname(surname: string): string {
  if (/(ов|ев|ёв|ин)$/.test(surname)) return `${surname}а`;
  if (surname.endsWith('ский')) return `${surname.slice(0, -4)}ская`;
  if (/(ov|ev|yev|in)$/.test(surname)) return `${surname}a`;
  return surname;
}

/** The sandbox's operator roster; a seed picks 8 to 12 of them. */
export const OPERATOR_ROSTER = [
  { first: 'Гульнара', last: 'Ахметова', email: 'g.akhmetova' },
  { first: 'Ерлан', last: 'Серикбаев', email: 'y.serikbayev' },
  { first: 'Ольга', last: 'Смирнова', email: 'o.smirnova' },
  { first: 'Айгерим', last: 'Нурланова', email: 'a.nurlanova' },
  { first: 'Данияр', last: 'Касымов', email: 'd.kassymov' },
  { first: 'Мария', last: 'Кузнецова', email: 'm.kuznetsova' },
  { first: 'Асель', last: 'Омарова', email: 'a.omarova' },
  { first: 'Тимур', last: 'Жумабаев', email: 't.zhumabayev' },
  { first: 'Emily', last: 'Carter', email: 'e.carter' },
  { first: 'Жанар', last: 'Искакова', email: 'zh.iskakova' },
  { first: 'Дмитрий', last: 'Волков', email: 'd.volkov' },
  { first: 'Самал', last: 'Бекова', email: 's.bekova' },
] as const;
